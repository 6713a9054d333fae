package dev.cognitosecured.runtime.internal.config;

import java.util.Objects;

/**
 * The full configuration keys of one pool: {@code cognito-secured.<key>} for the pool named
 * {@code default}, {@code cognito-secured.pools.<name>.<key>} for any other.
 */
public final class PoolKeys {

    /** The name of the pool configured directly under {@link #ROOT}. */
    public static final String DEFAULT_POOL = "default";

    /** The prefix of every key. */
    public static final String ROOT = "cognito-secured.";

    public static final String REGION = "region";
    public static final String USER_POOL_ID = "user-pool-id";
    public static final String CLIENT_ID = "client-id";
    public static final String CLIENT_SECRET = "client-secret";
    public static final String ENDPOINT = "endpoint";
    public static final String AUTH_FLOW = "auth-flow";
    public static final String REFRESH = "refresh";
    public static final String SESSION_SCOPE = "session-scope";
    public static final String PREFETCH = "prefetch";
    public static final String GRAPHQL_ENDPOINT = "graphql.endpoint";
    public static final String AUTHORIZATION_PREFIX = "authorization-prefix";
    public static final String CHALLENGE_VALIDITY = "challenge-validity";
    public static final String MARGIN_CAP = "margin-cap";
    public static final String COGNITO_TIMEOUT = "cognito.timeout";
    public static final String GRAPHQL_CONNECT_TIMEOUT = "graphql.connect-timeout";
    public static final String GRAPHQL_TIMEOUT = "graphql.timeout";
    public static final String GRAPHQL_CALL_TIMEOUT = "graphql.call-timeout";
    public static final String GRAPHQL_MAX_ANSWER_SIZE = "graphql.max-answer-size";
    public static final String GRAPHQL_REALTIME_ENDPOINT = "graphql.realtime-endpoint";
    public static final String GRAPHQL_SUBSCRIPTION_GAP_LIMIT = "graphql.subscription-gap-limit";

    private final String prefix;

    private PoolKeys(String pool) {
        Objects.requireNonNull(pool, "pool");
        this.prefix = DEFAULT_POOL.equals(pool) ? ROOT : ROOT + "pools." + pool + ".";
    }

    /** The keys of the pool of this name. */
    public static PoolKeys of(String pool) {
        return new PoolKeys(pool);
    }

    /** The full key of {@code key}, e.g. {@code cognito-secured.pools.partners.client-id}. */
    public String full(String key) {
        return prefix + key;
    }

    @Override
    public String toString() {
        return prefix + "*";
    }
}
