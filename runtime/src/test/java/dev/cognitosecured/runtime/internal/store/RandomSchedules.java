package dev.cognitosecured.runtime.internal.store;

import java.util.Random;
import java.util.function.LongConsumer;

/**
 * Runs a randomized test's schedules, each from its own seed, and says how to replay the one that
 * fails. The first seed is {@code -Dcognito.random.seed=N} if given, else a fresh one that is printed;
 * schedule {@code i} runs from seed {@code first + i}, so
 * {@code -Dcognito.random.seed=<the failing one> -Dcognito.random.schedules=1} replays it alone.
 * {@code -Dcognito.random.schedules=N} runs more (or fewer) than the test's default.
 */
public final class RandomSchedules {

    /** The system property that fixes the first seed. */
    public static final String SEED = "cognito.random.seed";

    /** The system property that sets how many schedules run. */
    public static final String SCHEDULES = "cognito.random.schedules";

    private RandomSchedules() {
    }

    /**
     * Runs {@code schedules} schedules (or what {@link #SCHEDULES} says) of {@code what}, each given its seed.
     *
     * @return how many ran
     */
    public static int run(String what, int schedules, LongConsumer schedule) {
        long first = Long.getLong(SEED, new Random().nextLong());
        int count = Integer.getInteger(SCHEDULES, schedules);
        System.out.println(what + ": " + count + " random schedules from seed " + first
                + " (replay with -D" + SEED + "=" + first + ")");
        for (int i = 0; i < count; i++) {
            long seed = first + i;
            try {
                schedule.accept(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(what + ": schedule with seed " + seed + " failed (replay it alone with -D"
                        + SEED + "=" + seed + " -D" + SCHEDULES + "=1): " + e.getMessage(), e);
            }
        }
        return count;
    }
}
