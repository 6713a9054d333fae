package dev.cognitosecured.testing.graphql;

/**
 * What {@link LocalGraphQL}'s real-time endpoint does when a token expires while its connection stays open: the
 * token of the connection (the one in its handshake {@code header}) or of a subscription (the one in its
 * {@code start}). AWS does not document it and the reports of clients differ (see {@code docs/APPSYNC-REALTIME.md}),
 * so a test chooses; a client that renews its connection and subscriptions before the token expires works with
 * all four.
 *
 * <p>The kit judges expiry on its clock, with the builder's leeway: before every event it publishes, at every
 * keep-alive tick, and when a test calls {@link LocalGraphQL#enforceRealtimeTokenExpiry()}. A subscription's
 * token is the earlier to expire of its connection's and its {@code start}'s.
 */
public enum RealtimeTokenExpiry {

    /**
     * Tokens are checked at the handshake and at each {@code start} only: the connection and its subscriptions
     * go on after they expire, as AppSync's documentation of the protocol implies (authorization is part of the
     * handshake and of each {@code start}, nowhere else).
     */
    KEEP_OPEN,

    /**
     * When a subscription's token expires, it gets {@code {"type":"error","id":...,"payload":{"errors":
     * [{"errorType":"UnauthorizedException","message":"Token has expired."}]}}} and ends; the connection stays
     * open and keep-alives go on. What AWS Amplify's fix for silently dying subscriptions describes
     * (aws-amplify/amplify-js pull request 14569: subscriptions "receive auth errors when tokens expire" while
     * the connection looks fine). The default.
     */
    ERROR_SUBSCRIPTIONS,

    /**
     * When the connection's token expires, the kit sends {@code {"type":"connection_error","payload":{"errors":
     * [{"errorType":"UnauthorizedException","message":"Token has expired.","errorCode":401}]}}} and closes the
     * connection with a close frame (status 1000); a subscription whose {@code start} token expires first is
     * ended as with {@link #ERROR_SUBSCRIPTIONS}. The strictest reading.
     */
    CLOSE_CONNECTION,

    /**
     * The connection stays open and keep-alives go on, but a subscription whose token has expired receives no
     * more events and nothing says so: the silent failure that users report of their clients
     * (awslabs/aws-mobile-appsync-sdk-js issue 501, aws-amplify/amplify-js pull request 14569).
     */
    STOP_EVENTS
}
