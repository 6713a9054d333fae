package dev.cognitosecured.testing.graphql;

/**
 * What {@link LocalGraphQL}'s real-time endpoint does when the token of an open connection (the one in its
 * handshake {@code header}) or of a subscription (the one in its {@code start}) expires while the connection
 * stays open. AWS does not document it and what clients report differs (see {@code docs/APPSYNC-REALTIME.md}),
 * so a test chooses; a client that renews its connection before the token expires works with all three.
 *
 * <p>The kit judges expiry on its clock: before every event it sends, at every keep-alive tick, and when a
 * test calls {@link LocalGraphQL#enforceRealtimeTokenExpiry()}.
 */
public enum RealtimeTokenExpiry {

    /**
     * The token is checked at the handshake and at each {@code start} only: the connection and its
     * subscriptions go on after it expires. What AppSync's documentation implies (it checks authorization
     * "at connection and at subscription registration") and what long-lived connections in the field show.
     * The default.
     */
    KEEP_OPEN,

    /**
     * Once the connection's token has expired, the kit sends {@code {"type":"connection_error","payload":
     * {"errors":[{"errorType":"UnauthorizedException","message":"Token has expired.","errorCode":401}]}}} and
     * closes the connection with a close frame (status 1000); a subscription whose own {@code start} token
     * expired first gets {@code {"type":"error","id":...}} with the same error and is removed.
     */
    CLOSE_CONNECTION,

    /**
     * The connection stays open and keep-alives go on, but a subscription whose token (the connection's or
     * its own {@code start}'s) has expired receives no more events, and nothing tells the client: the silent
     * failure that clients report (aws-amplify/amplify-js, "subscription stops receiving events after the
     * token expires").
     */
    STOP_EVENTS
}
