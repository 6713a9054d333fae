package dev.cognitosecured.runtime.internal.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of one user pool, read once at boot.
 *
 * @param name the pool's name ({@code default}, or the {@code <name>} of {@code cognito-secured.pools.<name>.*})
 * @param region the AWS region ({@code region})
 * @param userPoolId the user pool's id, e.g. {@code eu-west-1_AbCdEf123} ({@code user-pool-id})
 * @param clientId the app client's id ({@code client-id})
 * @param clientSecret the app client's secret, if it has one ({@code client-secret})
 * @param endpoint an endpoint override for a local stand-in ({@code endpoint})
 * @param authFlow how {@code SignIn.start} authenticates ({@code auth-flow})
 * @param refreshMode which API refreshes tokens ({@code refresh})
 * @param sessionScope one session per application or per HTTP session ({@code session-scope})
 * @param prefetch how long before expiry a background refresh starts ({@code prefetch}, default 2 minutes)
 * @param graphqlEndpoint the GraphQL API's URL ({@code graphql.endpoint})
 * @param authorizationPrefix what precedes the token in the {@code Authorization} header
 *     ({@code authorization-prefix}; empty for AppSync, {@code "Bearer "} for most others)
 * @param challengeValidity how long a sign-in challenge's session may be answered, as the app
 *     client's {@code AuthSessionValidity} ({@code challenge-validity}, default 3 minutes as in Cognito)
 * @param marginCap the most the pool's learned call margin rises to ({@code margin-cap}, default
 *     {@link #DEFAULT_MARGIN_CAP}, one minute; zero: calls use {@code refreshSkew} only)
 * @param limits the timeouts of Cognito requests and GraphQL calls, and the largest answer read
 */
public record PoolConfig(
        String name,
        String region,
        String userPoolId,
        String clientId,
        Optional<String> clientSecret,
        Optional<URI> endpoint,
        AuthFlowType authFlow,
        RefreshMode refreshMode,
        SessionScope sessionScope,
        Duration prefetch,
        Optional<URI> graphqlEndpoint,
        String authorizationPrefix,
        Duration challengeValidity,
        Duration marginCap,
        Limits limits,
        Optional<URI> realtimeEndpoint) {

    /** The default prefetch window. */
    public static final Duration DEFAULT_PREFETCH = Duration.ofMinutes(2);

    /** The default of {@code margin-cap}: the most a pool's learned call margin rises to. */
    public static final Duration DEFAULT_MARGIN_CAP = Duration.ofMinutes(1);

    /** Cognito's default {@code AuthSessionValidity}: how long a challenge's session may be answered. */
    public static final Duration DEFAULT_CHALLENGE_VALIDITY = Duration.ofMinutes(3);

    public PoolConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(userPoolId, "userPoolId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(authFlow, "authFlow");
        Objects.requireNonNull(refreshMode, "refreshMode");
        Objects.requireNonNull(sessionScope, "sessionScope");
        Objects.requireNonNull(prefetch, "prefetch");
        Objects.requireNonNull(graphqlEndpoint, "graphqlEndpoint");
        Objects.requireNonNull(authorizationPrefix, "authorizationPrefix");
        Objects.requireNonNull(challengeValidity, "challengeValidity");
        if (challengeValidity.isNegative() || challengeValidity.isZero()) {
            throw new IllegalArgumentException("challengeValidity must be positive: " + challengeValidity);
        }
        Objects.requireNonNull(marginCap, "marginCap");
        if (marginCap.isNegative()) {
            throw new IllegalArgumentException("marginCap must not be negative: " + marginCap);
        }
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(realtimeEndpoint, "realtimeEndpoint");
    }

    /** A configuration whose real-time endpoint is derived from {@code graphqlEndpoint}. */
    public PoolConfig(String name, String region, String userPoolId, String clientId, Optional<String> clientSecret,
            Optional<URI> endpoint, AuthFlowType authFlow, RefreshMode refreshMode, SessionScope sessionScope,
            Duration prefetch, Optional<URI> graphqlEndpoint, String authorizationPrefix, Duration challengeValidity,
            Duration marginCap, Limits limits) {
        this(name, region, userPoolId, clientId, clientSecret, endpoint, authFlow, refreshMode, sessionScope, prefetch,
                graphqlEndpoint, authorizationPrefix, challengeValidity, marginCap, limits, Optional.empty());
    }

    /** A configuration with the {@linkplain Limits#DEFAULTS default limits}. */
    public PoolConfig(String name, String region, String userPoolId, String clientId, Optional<String> clientSecret,
            Optional<URI> endpoint, AuthFlowType authFlow, RefreshMode refreshMode, SessionScope sessionScope,
            Duration prefetch, Optional<URI> graphqlEndpoint, String authorizationPrefix, Duration challengeValidity,
            Duration marginCap) {
        this(name, region, userPoolId, clientId, clientSecret, endpoint, authFlow, refreshMode, sessionScope, prefetch,
                graphqlEndpoint, authorizationPrefix, challengeValidity, marginCap, Limits.DEFAULTS);
    }

    /** A configuration with the {@linkplain #DEFAULT_MARGIN_CAP default margin cap}. */
    public PoolConfig(String name, String region, String userPoolId, String clientId, Optional<String> clientSecret,
            Optional<URI> endpoint, AuthFlowType authFlow, RefreshMode refreshMode, SessionScope sessionScope,
            Duration prefetch, Optional<URI> graphqlEndpoint, String authorizationPrefix, Duration challengeValidity) {
        this(name, region, userPoolId, clientId, clientSecret, endpoint, authFlow, refreshMode, sessionScope, prefetch,
                graphqlEndpoint, authorizationPrefix, challengeValidity, DEFAULT_MARGIN_CAP);
    }

    /** A configuration with the default challenge validity and margin cap. */
    public PoolConfig(String name, String region, String userPoolId, String clientId, Optional<String> clientSecret,
            Optional<URI> endpoint, AuthFlowType authFlow, RefreshMode refreshMode, SessionScope sessionScope,
            Duration prefetch, Optional<URI> graphqlEndpoint, String authorizationPrefix) {
        this(name, region, userPoolId, clientId, clientSecret, endpoint, authFlow, refreshMode, sessionScope, prefetch,
                graphqlEndpoint, authorizationPrefix, DEFAULT_CHALLENGE_VALIDITY);
    }

    @Override
    public String toString() {
        return "PoolConfig[name=" + name + ", region=" + region + ", userPoolId=" + userPoolId
                + ", clientId=" + clientId + ", clientSecret=" + (clientSecret.isPresent() ? "***" : "none")
                + ", endpoint=" + endpoint.map(URI::toString).orElse("AWS") + ", authFlow=" + authFlow
                + ", refreshMode=" + refreshMode + ", sessionScope=" + sessionScope + ", prefetch=" + prefetch
                + ", graphqlEndpoint=" + graphqlEndpoint.map(URI::toString).orElse("none")
                + ", challengeValidity=" + challengeValidity + ", marginCap=" + marginCap + ", limits=" + limits
                + ", realtimeEndpoint=" + realtimeEndpoint.map(URI::toString).orElse("derived") + "]";
    }

    /** How {@code SignIn.start} authenticates. */
    public enum AuthFlowType {
        /** Secure Remote Password: the password never leaves the client (the default). */
        USER_SRP_AUTH,
        /** The password is sent to Cognito over TLS. */
        USER_PASSWORD_AUTH,
        /**
         * The pool's custom challenges ({@code CUSTOM_CHALLENGE}, from its Lambda triggers): after the password
         * is proven by SRP when one is given, straight away when the password is empty.
         */
        CUSTOM_AUTH
    }

    /** Which Cognito API refreshes tokens. */
    public enum RefreshMode {
        /** {@code InitiateAuth} with {@code REFRESH_TOKEN_AUTH}; the refresh token is kept. */
        REFRESH_TOKEN_AUTH,
        /** {@code GetTokensFromRefreshToken}; with rotation, each refresh returns a new refresh token. */
        GET_TOKENS_FROM_REFRESH_TOKEN
    }

    /** Whose session a store holds. */
    public enum SessionScope {
        /** One session for the whole application (a service account, a CLI, a desktop app). */
        APPLICATION,
        /** One session per HTTP session (a web application with several signed-in users). */
        SESSION
    }
}
