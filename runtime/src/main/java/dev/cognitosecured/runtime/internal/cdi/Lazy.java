package dev.cognitosecured.runtime.internal.cdi;

import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A value made once, on first use, by whichever thread asks first; the others wait for it without
 * pinning a virtual thread. A failure is remembered and thrown to every caller.
 */
final class Lazy<T> {

    private final Supplier<? extends T> maker;
    private final AtomicReference<FutureTask<T>> task = new AtomicReference<>();

    Lazy(Supplier<? extends T> maker) {
        this.maker = Objects.requireNonNull(maker, "maker");
    }

    /** The value, made now if nobody made it yet. */
    T get() {
        FutureTask<T> current = task.get();
        if (current == null) {
            FutureTask<T> mine = new FutureTask<>(maker::get);
            current = task.compareAndExchange(null, mine);
            if (current == null) {
                current = mine;
                mine.run();
            }
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return current.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
