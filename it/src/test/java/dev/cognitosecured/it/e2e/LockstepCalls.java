package dev.cognitosecured.it.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Calls in rounds: in each round every caller makes one call, at the same time as the others; between
 * rounds, when no call is in flight, {@code betweenRounds} runs (it moves the clock). Since time never
 * passes while a call is in flight, a request the server finds expired was sent with an expired token.
 */
public final class LockstepCalls {

    private LockstepCalls() {
    }

    /** {@code callers} platform threads, {@code rounds} rounds. */
    public static CallTally run(int callers, int rounds, Runnable betweenRounds, Runnable call) {
        CallTally tally = new CallTally();
        CyclicBarrier roundEnd = new CyclicBarrier(callers, betweenRounds);
        ExecutorService threads = Threads.platform("caller", callers);
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                loops.add(threads.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        tally.run(call);
                        roundEnd.await(Threads.STALL_SECONDS, TimeUnit.SECONDS);
                    }
                    return null;
                }));
            }
            for (Future<?> loop : loops) {
                Threads.await(loop, "a caller");
            }
            return tally;
        } finally {
            Threads.stop(threads);
        }
    }
}
