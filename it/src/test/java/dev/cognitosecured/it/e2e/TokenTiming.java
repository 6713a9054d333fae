package dev.cognitosecured.it.e2e;

import java.time.Duration;
import java.util.Objects;

/**
 * The token lifetime a scenario runs with, and the bounds it implies for the number of refreshes.
 *
 * <p>The session store sends a call only with tokens valid for at least the interface's
 * {@code refreshSkew} ({@link #SKEW}), refreshes in the background from {@code skew + prefetch}
 * before its local expiry, and judges that expiry as {@code lifetime − 1 s} after the token request
 * was sent. So over {@code elapsed} of continuous calls it refreshes at least once per lifetime (no
 * token outlives it) and at most once per {@code lifetime − 1 s − skew − prefetch} (the pool's learned
 * margin instead of the skew when it is longer: {@link #withLearnedMargin}): one per lifetime,
 * give or take the prefetch, however many callers there are.
 */
public final class TokenTiming {

    /** {@code refreshSkew} of the application's interfaces. */
    public static final Duration SKEW = Duration.ofSeconds(2);

    /** {@code cognito-secured.prefetch}, as the suite configures it. */
    public static final Duration PREFETCH = Duration.ofSeconds(2);

    private static final Duration WHOLE_SECONDS_MARGIN = Duration.ofSeconds(1);

    private final Duration lifetime;
    private final Duration margin;

    private TokenTiming(Duration lifetime, Duration margin) {
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.margin = Objects.requireNonNull(margin, "margin");
        if (shortestRefreshInterval().isNegative() || shortestRefreshInterval().isZero()) {
            throw new IllegalArgumentException("a lifetime of " + lifetime + " leaves no time between refreshes");
        }
    }

    /** Tokens that live {@code lifetime} ({@code exp − iat}). */
    public static TokenTiming of(Duration lifetime) {
        return new TokenTiming(lifetime, SKEW);
    }

    /** The suite's usual lifetime on LocalCognito: 20 seconds. */
    public static TokenTiming standard() {
        return of(Duration.ofSeconds(20));
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** {@code lifetime} times {@code count}. */
    public Duration lifetimes(int count) {
        return lifetime.multipliedBy(count);
    }

    /**
     * This timing for a pool whose calls were sent with at least {@code learned} left at most (the
     * longest {@code CallMargin.learned()} seen while they ran), when that is longer than the skew:
     * tokens are then refreshed earlier, still once each.
     */
    public TokenTiming withLearnedMargin(Duration learned) {
        return learned.compareTo(margin) > 0 ? new TokenTiming(lifetime, learned) : this;
    }

    /**
     * The least time between two refreshes of one session: {@code lifetime − 1 s − margin − prefetch},
     * the margin being the skew or, {@linkplain #withLearnedMargin if longer}, the learned one.
     */
    public Duration shortestRefreshInterval() {
        return lifetime.minus(WHOLE_SECONDS_MARGIN).minus(margin).minus(PREFETCH);
    }

    /** The fewest refreshes that keep a session's calls going for {@code elapsed}: one per lifetime. */
    public long fewestRefreshes(Duration elapsed) {
        return elapsed.toNanos() / lifetime.toNanos();
    }

    /** The most refreshes one session may make in {@code elapsed}. */
    public long mostRefreshes(Duration elapsed) {
        return elapsed.toNanos() / shortestRefreshInterval().toNanos() + 1;
    }

    /**
     * Whether {@code refreshes} fit a session whose calls went on from sign-in until some instant between
     * {@code lastCallAtLeast} and {@code lastCallAtMost} later.
     */
    public boolean allows(long refreshes, Duration lastCallAtLeast, Duration lastCallAtMost) {
        return refreshes >= fewestRefreshes(lastCallAtLeast) && refreshes <= mostRefreshes(lastCallAtMost);
    }

    /**
     * Fails unless {@code refreshes} fit calls that went on from sign-in until some instant between
     * {@code lastCallAtLeast} and {@code lastCallAtMost} later (see {@link #allows}).
     */
    public void assertAllows(long refreshes, Duration lastCallAtLeast, Duration lastCallAtMost) {
        if (!allows(refreshes, lastCallAtLeast, lastCallAtMost)) {
            throw new AssertionError(refreshes + " refreshes for calls over " + lastCallAtLeast + " to "
                    + lastCallAtMost + " with " + this + "; expected " + allowed(lastCallAtLeast, lastCallAtMost));
        }
    }

    /** The range {@link #allows} accepts, e.g. {@code 19..27}. */
    public String allowed(Duration lastCallAtLeast, Duration lastCallAtMost) {
        return fewestRefreshes(lastCallAtLeast) + ".." + mostRefreshes(lastCallAtMost);
    }

    @Override
    public String toString() {
        return "TokenTiming[lifetime=" + lifetime + ", skew=" + SKEW + ", prefetch=" + PREFETCH
                + (margin.equals(SKEW) ? "" : ", learned margin=" + margin) + "]";
    }
}
