package dev.cognitosecured.testing;

import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.LocalCognito;
import dev.cognitosecured.testing.cognito.UserPool;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code cognito-secured.*} configuration that points an application at one test's stand-ins: the
 * LocalCognito endpoint, the region, the test's user pool and app client (with its secret, if it has one),
 * and the LocalGraphQL endpoint if one runs. Give it to the application under test the way it reads its
 * configuration: as system properties (the JUnit extension {@code CognitoTestKit} does that before each
 * test), or through {@link #asMap()} into a MicroProfile Config source.
 *
 * <p>{@link #toString()} shows the keys and values but never the client secret.
 */
public final class CognitoSecuredProperties {

    /** The prefix of the keys of the default pool. */
    public static final String PREFIX = "cognito-secured.";
    /** {@code endpoint}: where the AWS SDK sends Cognito requests. */
    public static final String ENDPOINT = "endpoint";
    /** {@code region}: the region of the user pool. */
    public static final String REGION = "region";
    /** {@code user-pool-id}. */
    public static final String USER_POOL_ID = "user-pool-id";
    /** {@code client-id}: the app client's id. */
    public static final String CLIENT_ID = "client-id";
    /** {@code client-secret}: only for an app client with a secret. */
    public static final String CLIENT_SECRET = "client-secret";
    /** {@code graphql.endpoint}: the GraphQL API's URL. */
    public static final String GRAPHQL_ENDPOINT = "graphql.endpoint";

    /** The values by key without prefix, in the order above. */
    private final Map<String, String> values;

    private CognitoSecuredProperties(Map<String, String> values) {
        this.values = values;
    }

    /**
     * The configuration for {@code client} of {@code pool} on {@code cognito}, and {@code graphQLEndpoint} if
     * present.
     *
     * @param cognito the LocalCognito that runs the pool
     * @param pool the user pool
     * @param client an app client of {@code pool}
     * @param graphQLEndpoint the LocalGraphQL's endpoint, or empty for no {@code graphql.endpoint}
     * @return the configuration, with the client's secret if it has one
     * @throws IllegalArgumentException if {@code client} is not a client of {@code pool}
     */
    public static CognitoSecuredProperties of(LocalCognito cognito, UserPool pool, AppClient client,
            Optional<URI> graphQLEndpoint) {
        Objects.requireNonNull(cognito, "cognito");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(graphQLEndpoint, "graphQLEndpoint");
        if (!client.pool().equals(pool)) {
            throw new IllegalArgumentException("app client " + client.clientId() + " is not a client of " + pool.id());
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put(ENDPOINT, cognito.endpoint().toString());
        values.put(REGION, pool.id().substring(0, pool.id().indexOf('_')));
        values.put(USER_POOL_ID, pool.id());
        values.put(CLIENT_ID, client.clientId());
        client.clientSecret().ifPresent(secret -> values.put(CLIENT_SECRET, secret));
        graphQLEndpoint.ifPresent(endpoint -> values.put(GRAPHQL_ENDPOINT, endpoint.toString()));
        return new CognitoSecuredProperties(Collections.unmodifiableMap(values));
    }

    /** {@return the properties of the default pool, keyed {@code cognito-secured.<key>}} */
    public Map<String, String> asMap() {
        return prefixed(PREFIX);
    }

    /**
     * {@return the same properties for the pool named {@code poolName}, keyed {@code cognito-secured.pools.<name>.<key>}}
     *
     * @param poolName the pool's name in the keys: not empty, without a dot
     * @throws IllegalArgumentException if {@code poolName} is empty or has a dot
     */
    public Map<String, String> asMapForPool(String poolName) {
        Objects.requireNonNull(poolName, "poolName");
        if (poolName.isEmpty() || poolName.contains(".")) {
            throw new IllegalArgumentException("a pool name is not empty and has no dot: \"" + poolName + "\"");
        }
        return prefixed(PREFIX + "pools." + poolName + ".");
    }

    /**
     * {@return the value of {@code key} ({@code "user-pool-id"}, or the full {@code "cognito-secured.user-pool-id"})}
     *
     * @param key the key, with or without the prefix {@code cognito-secured.}
     */
    public Optional<String> get(String key) {
        Objects.requireNonNull(key, "key");
        return Optional.ofNullable(values.get(key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key));
    }

    private Map<String, String> prefixed(String prefix) {
        Map<String, String> map = new LinkedHashMap<>();
        values.forEach((key, value) -> map.put(prefix + key, value));
        return Collections.unmodifiableMap(map);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("CognitoSecuredProperties[");
        values.forEach((key, value) -> text.append(text.charAt(text.length() - 1) == '[' ? "" : ", ")
                .append(PREFIX).append(key).append('=').append(key.equals(CLIENT_SECRET) ? "***" : value));
        return text.append(']').toString();
    }
}
