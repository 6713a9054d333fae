package dev.cognitosecured.it.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Many threads make one call each at the same instant, with tokens that need a refresh: they wait at
 * a start line until all of them are ready, start together, and the refresh they need is held until
 * every one of them has started its call.
 */
public final class Storm {

    private final CallTally tally = new CallTally();
    private final LongAdder onVirtualThreads = new LongAdder();

    private Storm() {
    }

    /**
     * Runs {@code callers} calls of {@code call} on {@code threads} (which must run them all at once),
     * releasing {@code refresh} once every caller has started.
     */
    public static Storm run(ExecutorService threads, int callers, HeldRefresh refresh, Runnable call) {
        Storm storm = new Storm();
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(callers);
        List<Future<?>> calls = new ArrayList<>(callers);
        try {
            for (int i = 0; i < callers; i++) {
                calls.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    if (Threads.isVirtual(Thread.currentThread())) {
                        storm.onVirtualThreads.increment();
                    }
                    started.countDown();
                    storm.tally.run(call);
                    return null;
                }));
            }
            await(ready, "the callers to be ready");
            go.countDown();
            await(started, "the callers to start");
            Threads.await(refresh.arrived(), "the refresh request");
            refresh.release();
            for (Future<?> each : calls) {
                Threads.await(each, "a caller");
            }
            return storm;
        } finally {
            refresh.release();
            go.countDown();
            Threads.stop(threads);
        }
    }

    /** The outcomes of the calls. */
    public CallTally tally() {
        return tally;
    }

    /** How many of the calls ran on virtual threads. */
    public long onVirtualThreads() {
        return onVirtualThreads.sum();
    }

    private static void await(CountDownLatch latch, String what) {
        try {
            if (!latch.await(Threads.STALL_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("waited " + Threads.STALL_SECONDS + " s for " + what + ": "
                        + latch.getCount() + " missing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }
}
