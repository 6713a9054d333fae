package dev.cognitosecured.runtime.client;

import dev.cognitosecured.runtime.UnauthorizedException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * The attempts of one call that the server rejected with HTTP 401, with how long each took: made at
 * the first rejection only (a call that succeeds at once makes none), and turned into the
 * exception that surfaces when the replays are spent. Immutable.
 */
final class RejectedAttempts {

    /** The duration of an attempt that was not timed (see {@link CallMargin#timesNextAttempt()}). */
    static final long NOT_TIMED = -1;

    private final long[] took;

    private RejectedAttempts(long[] took) {
        this.took = took;
    }

    /**
     * {@code before} (or none, if {@code null}) and one more rejected attempt that took {@code nanos}
     * ({@link #NOT_TIMED} if unknown).
     */
    static RejectedAttempts after(RejectedAttempts before, long nanos) {
        long[] previous = before == null ? new long[0] : before.took;
        long[] took = Arrays.copyOf(previous, previous.length + 1);
        took[previous.length] = nanos;
        return new RejectedAttempts(took);
    }

    /** How many of the rejected attempts were replays: all but the first. */
    int replays() {
        return took.length - 1;
    }

    /**
     * What the caller of {@code operation} gets once the replays are spent: {@code last} itself if there
     * was no replay and the server gave no reason the library recognises; else an exception that says
     * how many refreshes and replays were made and, when the server said the token had expired, how
     * long the attempts took and what to raise.
     */
    UnauthorizedException surface(Operation<?> operation, UnauthorizedException last, CallMargin margin) {
        int replays = replays();
        if (replays == 0 && !last.tokenExpired()) {
            return last;
        }
        String tried = replays == 0 ? ""
                : " after " + replays + (replays == 1 ? " refresh and replay" : " refreshes and replays");
        if (!last.tokenExpired()) {
            return new UnauthorizedException(operation.name() + " was rejected with HTTP " + last.status() + tried
                    + "; check that the API trusts this user pool and app client, and which token it expects",
                    last.status(), false, last);
        }
        Duration skew = operation.policy().refreshSkew();
        return new UnauthorizedException(operation.name() + " was rejected with HTTP " + last.status() + tried
                + ": the server said the token had expired, so it expired in flight (the "
                + (took.length == 1 ? "attempt took " : "attempts took ") + durations() + "). Tokens are sent with"
                + " at least the longer of refreshSkew (" + seconds(skew.toNanos()) + ") and the margin learned from"
                + " slow calls (now " + seconds(margin.learned().toNanos()) + ", at most "
                + seconds(margin.cap().toNanos()) + ") left: raise refreshSkew above the slowest attempt,"
                + " or the app client's token validity if the attempts take about as long as the tokens live",
                last.status(), true, last);
    }

    /** The durations, e.g. {@code 5.8 s and 6.1 s}. */
    private String durations() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < took.length; i++) {
            if (i > 0) {
                text.append(i == took.length - 1 ? " and " : ", ");
            }
            text.append(took[i] == NOT_TIMED ? "(not timed)" : seconds(took[i]));
        }
        return text.toString();
    }

    /** {@code nanos} in seconds with one decimal, e.g. {@code 5.8 s}. */
    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    @Override
    public String toString() {
        return "RejectedAttempts[" + durations() + "]";
    }
}
