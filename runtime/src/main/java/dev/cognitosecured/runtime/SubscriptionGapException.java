package dev.cognitosecured.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * A subscription ended because events published to it may have been lost: AppSync keeps no events
 * for a subscription that is not connected, so the library cannot fill such a gap, and ends the
 * subscription with this exception instead of carrying on in silence. Subscribe again (and read
 * what changed meanwhile with a query).
 *
 * <p>It is the {@code onError} of a {@link java.util.concurrent.Flow.Subscriber}; the
 * {@link #reason()} says why, {@link #gap()} how long no connection carried the subscription (on
 * the pool's clock; since subscribing for {@link Reason#NOT_STARTED}; zero for
 * {@link Reason#SUBSCRIBER_TOO_SLOW}).
 */
public final class SubscriptionGapException extends CognitoSecuredException {
    private static final long serialVersionUID = 1L;

    /** Why events may have been lost. */
    public enum Reason {
        /**
         * The connection that carried the subscription was lost, or the server ended the
         * subscription, and time passed before a new connection carried it again.
         */
        CONNECTION_LOST,
        /**
         * No connection acknowledged the subscription within the gap limit (at least the connect timeout) of
         * subscribing: the real-time endpoint refused or did not answer.
         */
        NOT_STARTED,
        /**
         * The subscriber requested fewer events than arrived, and the events waiting for it
         * filled the buffer: the next event had nowhere to go.
         */
        SUBSCRIBER_TOO_SLOW
    }

    /** Why events may have been lost. */
    private final Reason reason;
    /** How long no connection carried the subscription. */
    private final Duration gap;

    /**
     * An exception with this message, reason and gap.
     *
     * @param message what happened and what to do; never a secret
     * @param reason why events may have been lost
     * @param gap how long no connection carried the subscription
     */
    public SubscriptionGapException(String message, Reason reason, Duration gap) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.gap = Objects.requireNonNull(gap, "gap");
    }

    /** {@return why events may have been lost} */
    public Reason reason() {
        return reason;
    }

    /** {@return how long no connection carried the subscription, on the pool's clock} */
    public Duration gap() {
        return gap;
    }
}
