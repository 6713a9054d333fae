package dev.cognitosecured.runtime.client;

import dev.cognitosecured.runtime.spi.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How much validity a token must have left for a call of one user pool to be sent with it: the
 * operation's {@code refreshSkew}, or more when the pool's calls have recently been slow.
 *
 * <p>Every attempt that got an answer from the GraphQL server (a result, GraphQL errors, or an HTTP 401)
 * is recorded with the time it took on the pool's {@link Ticker}. The <em>learned</em> margin is the
 * slowest attempt remembered plus a quarter of it as headroom, at most {@link #DEFAULT_CAP}; an attempt
 * is remembered for one to two {@linkplain #MEMORY windows} of one minute (the current window and the
 * one before it), so the margin falls back to the skew after a slow spell. A call is sent only with a
 * token that has more left than {@link #forSkew(Duration) the longer of the skew and the learned
 * margin}, so on a slow network the first attempt does not go out with a token that would expire in
 * flight.
 *
 * <p>One instance serves every caller and every session store of a pool; inject it as
 * {@code @Inject @AuthFlow("pool") CallMargin} to watch {@link #learned()}. It is lock-free: reading
 * the margin and recording an attempt no slower than the slowest of the window are a volatile read and
 * a ticker read, without allocation; a slower attempt, or the first use in a new window, is one
 * compare-and-set.
 *
 * <p>If the margin is as long as a token's whole validity, no token could satisfy it, and the session
 * store asks for a quarter of the validity instead (see {@link dev.cognitosecured.runtime.SessionStore}):
 * calls that take about as long as the tokens live fail whatever the margin; raise the app client's
 * token validity.
 */
public final class CallMargin {

    /** The most the learned margin rises to, however slow the calls: one minute. */
    public static final Duration DEFAULT_CAP = Duration.ofMinutes(1);

    /** How long one window of remembered attempts lasts: an attempt counts for one to two of them. */
    public static final Duration MEMORY = Duration.ofMinutes(1);

    private final Ticker ticker;
    private final long cap;
    private final long window;
    private final AtomicReference<Window> memory;

    /** A margin that has seen nothing yet, with the {@linkplain #DEFAULT_CAP default cap}, on {@code ticker}. */
    public CallMargin(Ticker ticker) {
        this(ticker, DEFAULT_CAP);
    }

    /**
     * A margin that has seen nothing yet, on {@code ticker}, whose learned part never exceeds {@code cap}.
     *
     * @param ticker the pool's monotonic clock, on which attempts are timed
     * @param cap the most the learned margin rises to; not negative
     */
    public CallMargin(Ticker ticker, Duration cap) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(cap, "cap");
        if (cap.isNegative()) {
            throw new IllegalArgumentException("the margin's cap must not be negative: " + cap);
        }
        this.cap = cap.toNanos();
        this.window = MEMORY.toNanos();
        this.memory = new AtomicReference<>(Window.empty(ticker.read()));
    }

    /**
     * The learned margin now: the slowest attempt of this window and the one before, plus a quarter,
     * at most the cap; {@link Duration#ZERO} when no attempt is remembered.
     */
    public Duration learned() {
        return current(ticker.read()).margin;
    }

    /**
     * The validity a token must have left for a call whose operation asks for {@code refreshSkew}: the
     * longer of the two, never less than {@code refreshSkew}. Returns one of the two instances as they
     * are (no allocation).
     */
    public Duration forSkew(Duration refreshSkew) {
        Duration learned = learned();
        return learned.compareTo(refreshSkew) > 0 ? learned : refreshSkew;
    }

    /** The ticker reading an attempt starts at. */
    long now() {
        return ticker.read();
    }

    /**
     * Records an attempt that started at ticker reading {@code startedAt} and got its answer now.
     *
     * @return how long it took, in nanoseconds
     */
    long recordSince(long startedAt) {
        long now = ticker.read();
        long took = Math.max(0, now - startedAt);
        for (;;) {
            Window seen = memory.get();
            Window next = seen.at(now, window, cap).recording(took, cap);
            if (next == seen || memory.compareAndSet(seen, next)) {
                return took;
            }
        }
    }

    /** The memory as of ticker reading {@code now}, moved on to its window if it was older. */
    private Window current(long now) {
        Window seen = memory.get();
        Window moved = seen.at(now, window, cap);
        if (moved != seen) {
            memory.compareAndSet(seen, moved); // if another thread won, its window is as new as this one
        }
        return moved;
    }

    @Override
    public String toString() {
        return "CallMargin[learned=" + learned() + ", cap=" + Duration.ofNanos(cap) + "]";
    }

    /**
     * The slowest attempts of the window that started at {@code start} and of the one before it, and the
     * margin they make. Immutable.
     */
    private static final class Window {

        final long start;
        final long slowest;
        final long slowestBefore;
        final Duration margin;

        private Window(long start, long slowest, long slowestBefore, long cap) {
            this.start = start;
            this.slowest = slowest;
            this.slowestBefore = slowestBefore;
            long longest = Math.min(Math.max(slowest, slowestBefore), cap);
            this.margin = Duration.ofNanos(Math.min(cap, longest + longest / 4));
        }

        static Window empty(long start) {
            return new Window(start, 0, 0, 0);
        }

        /** This memory as of {@code now}: itself within its window, else moved on by one window or emptied. */
        Window at(long now, long window, long cap) {
            long elapsed = now - start;
            if (elapsed < window) {
                return this;
            }
            if (elapsed < 2 * window) {
                return new Window(start + window, 0, slowest, cap);
            }
            return empty(now);
        }

        /** This memory with an attempt that took {@code took}: itself unless that is the slowest of the window. */
        Window recording(long took, long cap) {
            return took <= slowest ? this : new Window(start, took, slowestBefore, cap);
        }
    }
}
