package dev.cognitosecured.testing.graphql;

/**
 * What {@link LocalGraphQL}'s real-time endpoint has done since it started, for a test to assert:
 * {@link LocalGraphQL#realtimeCounters()}.
 *
 * @param connectionsOpened WebSocket connections accepted with a valid token (the ones refused are not counted)
 * @param connectionsOpen connections open now
 * @param handshakesRefused handshakes refused: an invalid or expired token or no {@code graphql-ws} subprotocol
 *     ({@code connection_error}, then closed), or while {@linkplain LocalGraphQL#refuseRealtimeConnections()
 *     refusing} (HTTP 503)
 * @param connectionsClosedAtExpiry connections closed because their token expired
 *     ({@link RealtimeTokenExpiry#CLOSE_CONNECTION})
 * @param subscriptionsEndedAtExpiry subscriptions ended with an {@code error} because a token expired
 *     ({@link RealtimeTokenExpiry#ERROR_SUBSCRIPTIONS}, or a {@code start}'s token under
 *     {@link RealtimeTokenExpiry#CLOSE_CONNECTION})
 * @param startsAcknowledged {@code start}s answered {@code start_ack}
 * @param startsRefused {@code start}s answered {@code error} (token, document or duplicate id)
 * @param stops {@code stop}s answered {@code complete}
 * @param subscriptionsActive subscriptions started and not stopped, on the open connections
 * @param eventsSent {@code data} messages sent, to all subscriptions
 * @param eventsWithheld events not sent to a subscription because its token had expired
 *     ({@link RealtimeTokenExpiry#STOP_EVENTS}) or its {@code start_ack} was
 *     {@linkplain LocalGraphQL#withholdStartAcks(boolean) withheld}
 * @param keepAlivesSent {@code ka} messages sent by the keep-alive timer (the one after each ack not counted)
 */
public record RealtimeCounters(
        long connectionsOpened,
        int connectionsOpen,
        long handshakesRefused,
        long connectionsClosedAtExpiry,
        long subscriptionsEndedAtExpiry,
        long startsAcknowledged,
        long startsRefused,
        long stops,
        int subscriptionsActive,
        long eventsSent,
        long eventsWithheld,
        long keepAlivesSent) {}
