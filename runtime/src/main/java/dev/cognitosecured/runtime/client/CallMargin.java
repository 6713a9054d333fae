package dev.cognitosecured.runtime.client;

import dev.cognitosecured.runtime.internal.config.PoolConfig;
import dev.cognitosecured.runtime.spi.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How much validity a token must have left for a call of one user pool to be sent with it: the
 * operation's {@code refreshSkew}, or more when the pool's calls have recently been slow.
 *
 * <p>Attempts that got an answer from the GraphQL server (a result, GraphQL errors, or an HTTP 401)
 * are recorded with the time they took on the pool's {@link Ticker}: the first
 * {@value #TIMED_IN_FULL} of each window all, then one in {@value #TIMED_ONE_IN}, so that a busy
 * pool does not pay two clock readings per call (they cost more than the rest of a call's own work;
 * a pool of a thousand calls a second still times about one a second). The <em>learned</em> margin is the slowest attempt remembered plus a quarter of it as
 * headroom, at most {@link #DEFAULT_CAP}; an attempt is remembered for one to two
 * {@linkplain #MEMORY windows} of one minute (the current window and the one before it), so the
 * margin falls back to the skew after a slow spell. A call is sent only with a
 * token that has more left than {@link #forSkew(Duration) the longer of the skew and the learned
 * margin}, so on a slow network the first attempt does not go out with a token that would expire in
 * flight.
 *
 * <p>One instance serves every caller and every session store of a pool; inject it as
 * {@code @Inject @AuthFlow("pool") CallMargin} to watch {@link #learned()}. It is lock-free, and the
 * fast path pays no fence and allocates nothing: the margin a call asks for and the countdown to the
 * next timed attempt are plain fields, read (and the countdown written) racily, which at worst uses
 * the margin before the last one recorded or moves a sample by a call; recording a timed attempt is a
 * compare-and-set (an immutable window of a few longs replaces the last one), and publishes the new
 * margin.
 *
 * <p>If the margin is as long as a token's whole validity, no token could satisfy it, and the session
 * store asks for a quarter of the validity instead (see {@link dev.cognitosecured.runtime.SessionStore}):
 * calls that take about as long as the tokens live fail whatever the margin; raise the app client's
 * token validity.
 */
public final class CallMargin {

    /** The most the learned margin rises to, however slow the calls: one minute. */
    public static final Duration DEFAULT_CAP = PoolConfig.DEFAULT_MARGIN_CAP;

    /** How long one window of remembered attempts lasts: an attempt counts for one to two of them. */
    public static final Duration MEMORY = Duration.ofMinutes(1);

    /** How many attempts of each window are all timed, before sampling starts. */
    public static final int TIMED_IN_FULL = 64;

    /** Past the first {@link #TIMED_IN_FULL} of a window, one attempt in this many is timed. */
    public static final int TIMED_ONE_IN = 1024;

    private final Ticker ticker;
    private final long cap;
    private final long window;
    private final AtomicReference<Window> memory;

    /**
     * Counts down to the next timed attempt: 1 while the window's first attempts are all timed, else
     * from {@link #TIMED_ONE_IN}. A plain field, read and written racily: no fence on the fast path.
     */
    private int untimed = 1;

    /**
     * The margin of the last window recorded, for {@link #forSkew}: a plain field, so reading it costs
     * a call no fence; a {@link Duration} is immutable (final fields), so a racy read sees a whole one,
     * at worst an earlier one, until the next attempt is recorded.
     */
    private Duration margin = Duration.ZERO;

    /**
     * A margin that has seen nothing yet, with the {@linkplain #DEFAULT_CAP default cap}, on {@code ticker}.
     *
     * @param ticker the pool's monotonic clock, on which attempts are timed
     */
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
        this.memory = new AtomicReference<>(Window.NOTHING_YET); // no clock reading until the first attempt
    }

    /**
     * The learned margin now: the slowest attempt of this window and the one before, plus a quarter,
     * at most the cap; {@link Duration#ZERO} when no attempt is remembered.
     *
     * @return the learned margin; watch it to see how slow the pool's calls have been lately
     */
    public Duration learned() {
        return current(ticker.read()).margin;
    }

    /** {@return the most the learned margin rises to} */
    public Duration cap() {
        return Duration.ofNanos(cap);
    }

    /**
     * The validity a token must have left for a call whose operation asks for {@code refreshSkew}: the
     * longer of the two, never less than {@code refreshSkew}. Returns one of the two instances as they
     * are (no allocation). It reads no clock: the remembered attempts move on to a new window when the
     * next attempt is recorded (or {@link #learned()} is read), so between two calls of a pool that
     * has been idle for minutes, the first call may still be sent with the margin of the last slow
     * spell.
     *
     * @param refreshSkew the skew the operation's interface declares
     * @return the longer of {@code refreshSkew} and the learned margin
     */
    public Duration forSkew(Duration refreshSkew) {
        Duration learned = margin; // moved on to a new window by the next attempt recorded
        return learned.compareTo(refreshSkew) > 0 ? learned : refreshSkew;
    }

    /** Whether to time the attempt about to start (see the class comment). */
    boolean timesNextAttempt() {
        int left = untimed - 1; // racy on purpose: a lost update only moves the next sample by a call or so
        untimed = left > 0 ? left : TIMED_ONE_IN;
        return left <= 0;
    }

    /** The ticker reading a timed attempt starts at. */
    long now() {
        return ticker.read();
    }

    /** The learned margin as last computed, without reading the clock: what stands for an untimed attempt. */
    Duration remembered() {
        return memory.get().margin;
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
            if (memory.compareAndSet(seen, next)) {
                margin = next.margin;
                if (next.timed < TIMED_IN_FULL) {
                    untimed = 1; // a window's first attempts are all timed
                }
                return took;
            }
        }
    }

    /** The memory as of ticker reading {@code now}, moved on to its window if it was older. */
    private Window current(long now) {
        Window seen = memory.get();
        Window moved = seen.at(now, window, cap);
        if (moved != seen && memory.compareAndSet(seen, moved)) { // if another thread won, its window is as new
            margin = moved.margin;
        }
        return moved;
    }

    @Override
    public String toString() {
        return "CallMargin[learned=" + learned() + ", cap=" + Duration.ofNanos(cap) + "]";
    }

    /**
     * The slowest attempts of the window that started at {@code start} and of the one before it, the
     * margin they make, and how many attempts of this window were timed. Immutable.
     */
    private static final class Window {

        final long start;
        final long slowest;
        final long slowestBefore;
        final int timed;
        final Duration margin;

        private Window(long start, long slowest, long slowestBefore, int timed, long cap) {
            this.start = start;
            this.slowest = slowest;
            this.slowestBefore = slowestBefore;
            this.timed = timed;
            long longest = Math.min(Math.max(slowest, slowestBefore), cap);
            this.margin = Duration.ofNanos(Math.min(cap, longest + longest / 4));
        }

        /** Before any attempt: its window starts at the first reading taken. */
        static final Window NOTHING_YET = new Window(0, 0, 0, 0, 0);

        static Window empty(long start) {
            return new Window(start, 0, 0, 0, 0);
        }

        /** This memory as of {@code now}: itself within its window, else moved on by one window or emptied. */
        Window at(long now, long window, long cap) {
            if (this == NOTHING_YET) {
                return empty(now);
            }
            long elapsed = now - start;
            if (elapsed < window) {
                return this;
            }
            if (elapsed < 2 * window) {
                return new Window(start + window, 0, slowest, 0, cap);
            }
            return empty(now);
        }

        /** This memory with one more timed attempt, which took {@code took}. */
        Window recording(long took, long cap) {
            return new Window(start, Math.max(took, slowest), slowestBefore, timed == Integer.MAX_VALUE ? timed : timed + 1,
                    cap);
        }
    }
}
