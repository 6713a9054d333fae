package dev.cognitosecured.runtime.internal.realtime;

import dev.cognitosecured.runtime.SubscriptionGapException;
import java.time.Duration;
import java.util.Optional;

/**
 * How long a subscription may go without a connection carrying it, and what it is told when it went
 * longer: AppSync keeps no events, so a gap is never bridged in silence. Times are readings of the
 * pool's ticker.
 *
 * <ul>
 * <li>A subscription <em>broken</em> (a connection it had been started on no longer carries it) for
 *     more than {@code graphql.subscription-gap-limit}: {@link SubscriptionGapException.Reason#CONNECTION_LOST}.
 * <li>A subscription never acknowledged for more than that limit, but at least
 *     {@code graphql.connect-timeout} (one attempt may take that long), since it was subscribed:
 *     {@link SubscriptionGapException.Reason#NOT_STARTED}.
 * </ul>
 *
 * @param gapLimit {@code graphql.subscription-gap-limit}
 * @param firstStartLimit how long a new subscription may wait for its first {@code start_ack}
 * @param gapLimitKey the full key of the gap limit, for messages
 */
record GapRules(Duration gapLimit, Duration firstStartLimit, String gapLimitKey) {

    GapRules {
        if (gapLimit.isNegative()) {
            throw new IllegalArgumentException("gapLimit must not be negative: " + gapLimit);
        }
    }

    /** The rules for {@code gapLimit}, a first start allowed at least {@code connectTimeout}. */
    static GapRules of(Duration gapLimit, Duration connectTimeout, String gapLimitKey) {
        return new GapRules(gapLimit, gapLimit.compareTo(connectTimeout) > 0 ? gapLimit : connectTimeout,
                gapLimitKey);
    }

    /** The exception that ends {@code stream} at ticker reading {@code now}, if it waited longer than it may. */
    Optional<SubscriptionGapException> overdue(EventStream<?> stream, long now) {
        if (stream.brokenSince != EventStream.NOT_BROKEN) {
            if (now - stream.brokenSince <= gapLimit.toNanos()) {
                return Optional.empty();
            }
            Duration gap = Duration.ofNanos(now - stream.brokenSince);
            return Optional.of(new SubscriptionGapException("GraphQL subscription " + stream.operation().name()
                    + " was not carried by any connection for " + gap.toMillis() + " ms (the connection was lost or"
                    + " the server ended it), longer than " + gapLimitKey + " (" + gapLimit + "), and AppSync keeps"
                    + " no events for it: events published then are lost. Subscribe again, and read what changed"
                    + " meanwhile with a query; raise " + gapLimitKey + " to bridge longer outages.",
                    SubscriptionGapException.Reason.CONNECTION_LOST, gap));
        }
        if (stream.acked || now - stream.subscribedAt <= firstStartLimit.toNanos()) {
            return Optional.empty();
        }
        Duration waited = Duration.ofNanos(now - stream.subscribedAt);
        return Optional.of(new SubscriptionGapException("GraphQL subscription " + stream.operation().name()
                + " was not started within " + waited.toMillis() + " ms of subscribing: no connection to the"
                + " real-time endpoint acknowledged it (the endpoint refused or did not answer; the log says why)"
                + " within " + gapLimitKey + " (" + firstStartLimit + ", at least graphql.connect-timeout), and"
                + " events published meanwhile are lost. Check cognito-secured.graphql.realtime-endpoint and that"
                + " the API is reachable, then subscribe again.", SubscriptionGapException.Reason.NOT_STARTED,
                waited));
    }
}
