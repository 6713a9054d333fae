package dev.cognitosecured.runtime.internal.realtime;

/**
 * The states of one principal's real-time connection ({@link RealtimeSession}): immutable, replaced
 * under the session's lock. An <em>attempt</em> gets tokens from the store (valid for the margin),
 * opens a WebSocket, waits for {@code connection_ack}, starts every subscription there and waits for
 * every {@code start_ack}; it is numbered, so a late answer of an abandoned attempt changes nothing.
 *
 * <table>
 * <caption>Transitions</caption>
 * <tr><th>from</th><th>event</th><th>to</th></tr>
 * <tr><td>{@code Idle}</td><td>a subscriber subscribes</td><td>{@code Opening} (attempt)</td></tr>
 * <tr><td>{@code Opening}</td><td>the attempt succeeds</td><td>{@code Open}</td></tr>
 * <tr><td>{@code Opening}</td><td>the attempt fails</td><td>{@code Waiting(failures + 1)}, retry after
 *     {@code RefreshBackoff}'s jittered delay on the pool's ticker</td></tr>
 * <tr><td>{@code Waiting}</td><td>the delay has passed (checked on the ticker)</td><td>{@code Opening}</td></tr>
 * <tr><td>{@code Open}</td><td>the store's tokens for the margin are no longer the connection's (the
 *     connection's token would not last the margin: it refreshed), the server was silent longer than its
 *     {@code connectionTimeoutMs}, or it rejected a subscription's token</td><td>{@code Replacing} (attempt);
 *     the old connection keeps delivering</td></tr>
 * <tr><td>{@code Replacing}</td><td>the attempt succeeds</td><td>{@code Open(new)}; each subscription is
 *     stopped on the old connection, whose events up to its {@code complete} are delivered, then the new
 *     one's less duplicates; the old connection is closed. An old connection that ends without that
 *     {@code complete} may have lost events: {@code SubscriptionResumed}</td></tr>
 * <tr><td>{@code Replacing}</td><td>the attempt fails</td><td>{@code Open(old, failures + 1)}: no new attempt
 *     before the back-off delay</td></tr>
 * <tr><td>{@code Open}, {@code Replacing}</td><td>the live connection drops</td><td>{@code Opening}: a new
 *     attempt at once (the one in flight, if replacing); its subscriptions are broken since now</td></tr>
 * <tr><td>any</td><td>the store says sign-in is required (signed out, refresh token revoked, scope
 *     ended)</td><td>{@code Ended}: every subscription ends with {@code SignInRequiredException}</td></tr>
 * <tr><td>any but {@code Ended}</td><td>the last subscription is cancelled or ended</td><td>{@code Idle};
 *     connections closed</td></tr>
 * </table>
 *
 * <p>A subscription is <em>broken</em> from the moment the connection it was started on no longer
 * carries it (it dropped, even before its {@code start_ack} was read, or the server ended it) until a
 * connection acknowledges it again; then it carries on and {@code SubscriptionResumed} fires. Broken
 * longer than {@code graphql.subscription-gap-limit} on the pool's ticker, whether or not a new
 * connection is up by then, it ends with {@code SubscriptionGapException} ({@code CONNECTION_LOST}):
 * events published in that time are lost (AppSync keeps none). One never acknowledged ends the same way
 * ({@code NOT_STARTED}) once the limit, at least {@code graphql.connect-timeout}, has passed since it
 * was subscribed.
 */
sealed interface ConnectionState {

    /** No subscription, no connection. */
    record Idle() implements ConnectionState {
    }

    /** No live connection; attempt {@code attempt} is in flight. */
    record Opening(long attempt, int failures) implements ConnectionState {
    }

    /** No live connection; the next attempt starts when the ticker reaches {@code retryAt}. */
    record Waiting(int failures, long retryAt) implements ConnectionState {
    }

    /**
     * {@code live} carries the subscriptions; after {@code failures} failed replacements, none starts
     * before the ticker reaches {@code retryAt}.
     */
    record Open(Connection live, int failures, long retryAt) implements ConnectionState {
    }

    /** {@code live} carries the subscriptions while attempt {@code attempt} makes its successor. */
    record Replacing(Connection live, long attempt, int failures) implements ConnectionState {
    }

    /** The session ended: every subscription, present and future, ends with {@code why}. */
    record Ended(RuntimeException why) implements ConnectionState {
    }
}
