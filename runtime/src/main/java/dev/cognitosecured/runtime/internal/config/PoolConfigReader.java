package dev.cognitosecured.runtime.internal.config;

import dev.cognitosecured.runtime.internal.config.PoolConfig.AuthFlowType;
import dev.cognitosecured.runtime.internal.config.PoolConfig.RefreshMode;
import dev.cognitosecured.runtime.internal.config.PoolConfig.SessionScope;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the configuration of a pool and reports every key that is missing or wrong at once, each
 * problem naming the full key. The client secret is never echoed.
 */
public final class PoolConfigReader {

    private final ConfigValues values;

    public PoolConfigReader(ConfigValues values) {
        this.values = Objects.requireNonNull(values, "values");
    }

    /** A reader of this application's configuration (see {@link ConfigValues#detect}). */
    public static PoolConfigReader forApplication(ClassLoader applicationLoader) {
        return new PoolConfigReader(ConfigValues.detect(applicationLoader));
    }

    /**
     * Reads the pool's keys.
     *
     * @param pool the pool's name ({@code default} or the name under {@code cognito-secured.pools.})
     * @param graphqlRequired whether {@code graphql.endpoint} must be set (a generated client of
     *     this pool is used)
     */
    public PoolConfigResult read(String pool, boolean graphqlRequired) {
        Reading reading = new Reading(PoolKeys.of(pool));
        String region = reading.required(PoolKeys.REGION);
        String userPoolId = reading.required(PoolKeys.USER_POOL_ID);
        String clientId = reading.required(PoolKeys.CLIENT_ID);
        Optional<String> clientSecret = reading.optional(PoolKeys.CLIENT_SECRET);
        Optional<URI> endpoint = reading.optional(PoolKeys.ENDPOINT).flatMap(text -> reading.uri(PoolKeys.ENDPOINT, text));
        AuthFlowType authFlow = reading.constant(PoolKeys.AUTH_FLOW, AuthFlowType.USER_SRP_AUTH, false);
        RefreshMode refresh = reading.constant(PoolKeys.REFRESH, RefreshMode.REFRESH_TOKEN_AUTH, false);
        SessionScope scope = reading.constant(PoolKeys.SESSION_SCOPE, SessionScope.APPLICATION, true);
        Duration prefetch = reading.duration(PoolKeys.PREFETCH, PoolConfig.DEFAULT_PREFETCH);
        Duration challengeValidity = reading.duration(PoolKeys.CHALLENGE_VALIDITY, PoolConfig.DEFAULT_CHALLENGE_VALIDITY);
        if (challengeValidity.isNegative() || challengeValidity.isZero()) {
            reading.problem(PoolKeys.CHALLENGE_VALIDITY, ": must be positive, e.g. 3m (the app client's AuthSessionValidity)");
            challengeValidity = PoolConfig.DEFAULT_CHALLENGE_VALIDITY;
        }
        Duration marginCap = reading.duration(PoolKeys.MARGIN_CAP, PoolConfig.DEFAULT_MARGIN_CAP); // never negative
        Limits limits = new Limits(
                reading.positiveDuration(PoolKeys.COGNITO_TIMEOUT, Limits.DEFAULT_COGNITO_TIMEOUT),
                reading.positiveDuration(PoolKeys.GRAPHQL_CONNECT_TIMEOUT, Limits.DEFAULT_GRAPHQL_CONNECT_TIMEOUT),
                reading.positiveDuration(PoolKeys.GRAPHQL_TIMEOUT, Limits.DEFAULT_GRAPHQL_TIMEOUT),
                reading.positiveDuration(PoolKeys.GRAPHQL_CALL_TIMEOUT, Limits.DEFAULT_CALL_TIMEOUT),
                reading.size(PoolKeys.GRAPHQL_MAX_ANSWER_SIZE, Limits.DEFAULT_MAX_ANSWER_BYTES),
                reading.duration(PoolKeys.GRAPHQL_SUBSCRIPTION_GAP_LIMIT, Limits.DEFAULT_SUBSCRIPTION_GAP_LIMIT));
        Optional<URI> graphqlEndpoint = reading.optional(PoolKeys.GRAPHQL_ENDPOINT)
                .flatMap(text -> reading.uri(PoolKeys.GRAPHQL_ENDPOINT, text));
        if (graphqlRequired && graphqlEndpoint.isEmpty() && !reading.isSet(PoolKeys.GRAPHQL_ENDPOINT)) {
            reading.problem(PoolKeys.GRAPHQL_ENDPOINT, " is missing: the GraphQL API's URL,"
                    + " e.g. https://<api-id>.appsync-api.<region>.amazonaws.com/graphql");
        }
        Optional<URI> realtimeEndpoint = reading.optional(PoolKeys.GRAPHQL_REALTIME_ENDPOINT)
                .flatMap(text -> reading.realtimeUri(PoolKeys.GRAPHQL_REALTIME_ENDPOINT, text));
        // Not stripped: "Bearer " ends with the space that separates it from the token.
        String authorizationPrefix = values.value(reading.keys.full(PoolKeys.AUTHORIZATION_PREFIX)).orElse("");

        if (!reading.problems.isEmpty()) {
            return new PoolConfigResult.Invalid(pool, reading.problems);
        }
        return new PoolConfigResult.Valid(new PoolConfig(pool, region, userPoolId, clientId, clientSecret, endpoint,
                authFlow, refresh, scope, prefetch, graphqlEndpoint, authorizationPrefix, challengeValidity, marginCap,
                limits, realtimeEndpoint));
    }

    /** One reading of one pool's keys, collecting problems as it goes. */
    private final class Reading {
        final PoolKeys keys;
        final List<String> problems = new ArrayList<>();

        Reading(PoolKeys keys) {
            this.keys = keys;
        }

        void problem(String key, String what) {
            problems.add(keys.full(key) + what);
        }

        boolean isSet(String key) {
            return values.value(keys.full(key)).isPresent();
        }

        Optional<String> optional(String key) {
            return values.value(keys.full(key)).map(String::strip);
        }

        /** The value, or {@code null} after recording that it is missing. */
        String required(String key) {
            Optional<String> value = optional(key);
            if (value.isEmpty()) {
                problem(key, " is missing");
                return null;
            }
            return value.get();
        }

        /** An {@code https://} or {@code http://} URI with a host, or empty (reported). */
        Optional<URI> uri(String key, String text) {
            return uriWithScheme(key, text, "http", "https",
                    "is not a URI with http or https and a host; write e.g. https://host/path");
        }

        /** A {@code wss://} or {@code ws://} URI with a host, or empty (reported). */
        Optional<URI> realtimeUri(String key, String text) {
            return uriWithScheme(key, text, "ws", "wss", "is not a URI with wss or ws and a host; write e.g."
                    + " wss://<api-id>.appsync-realtime-api.<region>.amazonaws.com/graphql, or leave it out to"
                    + " derive it from graphql.endpoint");
        }

        /** A URI with a host and the scheme {@code plain} or {@code secure}, or empty (reported: {@code advice}). */
        private Optional<URI> uriWithScheme(String key, String text, String plain, String secure, String advice) {
            try {
                URI uri = new URI(text);
                String scheme = uri.getScheme();
                if (scheme != null && uri.getHost() != null
                        && (plain.equalsIgnoreCase(scheme) || secure.equalsIgnoreCase(scheme))) {
                    return Optional.of(uri);
                }
            } catch (URISyntaxException notUri) {
                // reported below
            }
            problem(key, ": '" + text + "' " + advice);
            return Optional.empty();
        }

        /**
         * The constant named by the value, in any case, with {@code -} or {@code _} between words.
         *
         * @param fallback the default, whose type's constants are accepted
         * @param shownInLowerCase whether a problem lists the constants as {@code kebab-case}
         */
        <E extends Enum<E>> E constant(String key, E fallback, boolean shownInLowerCase) {
            Optional<String> text = optional(key);
            if (text.isEmpty()) {
                return fallback;
            }
            String name = text.get().replace('-', '_').toUpperCase(Locale.ROOT);
            E[] constants = fallback.getDeclaringClass().getEnumConstants();
            for (E constant : constants) {
                if (constant.name().equals(name)) {
                    return constant;
                }
            }
            Function<E, String> shown = shownInLowerCase
                    ? e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')
                    : Enum::name;
            problem(key, ": '" + text.get() + "' is not one of "
                    + Arrays.stream(constants).map(shown).collect(Collectors.joining(", ")));
            return fallback;
        }

        Duration positiveDuration(String key, Duration fallback) {
            Duration duration = duration(key, fallback);
            if (duration.isZero()) {
                problem(key, ": must be positive, e.g. " + DurationText.shown(fallback));
                return fallback;
            }
            return duration;
        }

        long size(String key, long fallback) {
            Optional<String> text = optional(key);
            if (text.isEmpty()) {
                return fallback;
            }
            Optional<Long> size = SizeText.parse(text.get()).filter(bytes -> bytes > 0);
            if (size.isEmpty()) {
                problem(key, ": '" + text.get() + "' is not a positive size; write e.g. 16MiB or 524288");
                return fallback;
            }
            return size.get();
        }

        Duration duration(String key, Duration fallback) {
            Optional<String> text = optional(key);
            if (text.isEmpty()) {
                return fallback;
            }
            Optional<Duration> duration = DurationText.parse(text.get());
            if (duration.isEmpty()) {
                problem(key, ": '" + text.get() + "' is not a duration; write e.g. 2m or PT2M");
                return fallback;
            }
            return duration.get();
        }
    }
}
