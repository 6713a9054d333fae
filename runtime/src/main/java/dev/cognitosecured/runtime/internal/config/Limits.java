package dev.cognitosecured.runtime.internal.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a pool's requests may take and how much a GraphQL answer may weigh: the bounds that make
 * every call end.
 *
 * @param cognitoTimeout one Cognito request, every retry of the AWS SDK included ({@code cognito.timeout})
 * @param graphqlConnectTimeout opening a connection to the GraphQL API ({@code graphql.connect-timeout})
 * @param graphqlTimeout one attempt of a GraphQL call, from sending to the last byte of the answer
 *     ({@code graphql.timeout})
 * @param callTimeout one whole GraphQL call: waiting for a refresh, every attempt and every replay
 *     ({@code graphql.call-timeout})
 * @param maxAnswerBytes the largest GraphQL answer body read; a larger one is refused without
 *     being read whole ({@code graphql.max-answer-size})
 * @param subscriptionGapLimit how long a subscription may go without a connection carrying it and still
 *     go on (with a {@code SubscriptionResumed} event) once a new one does; {@code 0} ends it at any gap
 *     ({@code graphql.subscription-gap-limit})
 */
public record Limits(
        Duration cognitoTimeout,
        Duration graphqlConnectTimeout,
        Duration graphqlTimeout,
        Duration callTimeout,
        long maxAnswerBytes,
        Duration subscriptionGapLimit) {

    /** Default of {@code cognito.timeout}: ample for Cognito's own retries of a throttled request. */
    public static final Duration DEFAULT_COGNITO_TIMEOUT = Duration.ofSeconds(10);

    /** Default of {@code graphql.connect-timeout}. */
    public static final Duration DEFAULT_GRAPHQL_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** Default of {@code graphql.timeout}: AppSync's own limit for a request's resolvers is 30 seconds. */
    public static final Duration DEFAULT_GRAPHQL_TIMEOUT = Duration.ofSeconds(30);

    /** Default of {@code graphql.call-timeout}. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

    /** Default of {@code graphql.max-answer-size}: 16 MiB, more than AppSync answers (5 MB). */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 16L * 1024 * 1024;

    /**
     * Default of {@code graphql.subscription-gap-limit}: a network blip or a server restart is bridged, a
     * longer outage ends the subscription.
     */
    public static final Duration DEFAULT_SUBSCRIPTION_GAP_LIMIT = Duration.ofSeconds(30);

    /** Every bound at its default. */
    public static final Limits DEFAULTS = new Limits(DEFAULT_COGNITO_TIMEOUT, DEFAULT_GRAPHQL_CONNECT_TIMEOUT,
            DEFAULT_GRAPHQL_TIMEOUT, DEFAULT_CALL_TIMEOUT, DEFAULT_MAX_ANSWER_BYTES, DEFAULT_SUBSCRIPTION_GAP_LIMIT);

    public Limits {
        positive(cognitoTimeout, "cognitoTimeout");
        positive(graphqlConnectTimeout, "graphqlConnectTimeout");
        positive(graphqlTimeout, "graphqlTimeout");
        positive(callTimeout, "callTimeout");
        if (maxAnswerBytes <= 0) {
            throw new IllegalArgumentException("maxAnswerBytes must be positive: " + maxAnswerBytes);
        }
        Objects.requireNonNull(subscriptionGapLimit, "subscriptionGapLimit");
        if (subscriptionGapLimit.isNegative()) {
            throw new IllegalArgumentException("subscriptionGapLimit must not be negative: " + subscriptionGapLimit);
        }
    }

    /** The bounds of calls, with {@code graphql.subscription-gap-limit} at its default. */
    public Limits(Duration cognitoTimeout, Duration graphqlConnectTimeout, Duration graphqlTimeout,
            Duration callTimeout, long maxAnswerBytes) {
        this(cognitoTimeout, graphqlConnectTimeout, graphqlTimeout, callTimeout, maxAnswerBytes,
                DEFAULT_SUBSCRIPTION_GAP_LIMIT);
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
