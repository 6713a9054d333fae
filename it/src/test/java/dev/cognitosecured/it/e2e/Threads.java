package dev.cognitosecured.it.e2e;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for the workloads: named platform threads, and virtual threads where the Java runtime has
 * them (the suite compiles for Java 17, so they are looked up at run time). Waits are bounded by
 * {@link #STALL_SECONDS}, a guard against a hang, never a measure of speed.
 */
public final class Threads {

    /** How long a workload may make no progress at all before it counts as hung. */
    public static final long STALL_SECONDS = 120;

    private Threads() {
    }

    /** A factory of daemon platform threads named {@code <prefix>-<n>}. */
    public static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** {@code count} platform threads named {@code <prefix>-<n>}. */
    public static ExecutorService platform(String prefix, int count) {
        return Executors.newFixedThreadPool(count, named(prefix));
    }

    /** {@code Executors.newVirtualThreadPerTaskExecutor()} on Java 21 and later. */
    public static Optional<ExecutorService> virtual() {
        if (Runtime.version().feature() < 21) {
            return Optional.empty();
        }
        try {
            MethodHandle factory = MethodHandles.publicLookup().findStatic(Executors.class,
                    "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class));
            return Optional.of((ExecutorService) factory.invoke());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Java " + Runtime.version() + " has no virtual threads", e);
        }
    }

    /** {@code Thread.isVirtual()} on Java 21 and later; false before. */
    public static boolean isVirtual(Thread thread) {
        if (Runtime.version().feature() < 21) {
            return false;
        }
        try {
            MethodHandle isVirtual = MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual",
                    MethodType.methodType(boolean.class));
            return (boolean) isVirtual.invoke(thread);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The result of {@code future}, waiting at most {@link #STALL_SECONDS}. */
    public static <T> T await(Future<T> future, String what) {
        try {
            return future.get(STALL_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            throw new AssertionError(what + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError(what + " made no progress for " + STALL_SECONDS + " s: hung", e);
        }
    }

    /** Shuts {@code threads} down, interrupting what still runs (after a failure). */
    public static void stop(ExecutorService threads) {
        threads.shutdownNow();
    }
}
