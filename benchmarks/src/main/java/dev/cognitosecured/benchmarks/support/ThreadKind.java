package dev.cognitosecured.benchmarks.support;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * How a harness starts its callers: platform threads, or virtual threads when the JDK running the
 * benchmarks has them (21 and later). The benchmarks compile for Java 17, so virtual threads are
 * started through a method handle to {@code Thread.startVirtualThread}, found at run time.
 */
public enum ThreadKind {
    PLATFORM,
    VIRTUAL;

    private static final Optional<MethodHandle> START_VIRTUAL = findStartVirtual();

    /** Whether this JDK can start threads of this kind. */
    public boolean isAvailable() {
        return this == PLATFORM || START_VIRTUAL.isPresent();
    }

    /** Starts {@code task} on a new (daemon, for platform) thread of this kind. */
    public Thread start(Runnable task, String name) {
        if (this == PLATFORM) {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
            return thread;
        }
        MethodHandle start = START_VIRTUAL.orElseThrow(() -> new IllegalStateException(
                "virtual threads need JDK 21 or later; this is " + Runtime.version()));
        try {
            return (Thread) start.invokeExact(task);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot start a virtual thread", e);
        }
    }

    private static Optional<MethodHandle> findStartVirtual() {
        if (Runtime.version().feature() < 21) {
            return Optional.empty();
        }
        try {
            return Optional.of(MethodHandles.publicLookup().findStatic(Thread.class, "startVirtualThread",
                    MethodType.methodType(Thread.class, Runnable.class)));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return Optional.empty();
        }
    }
}
