package dev.cognitosecured.runtime.internal.concurrent;

import static dev.cognitosecured.runtime.internal.concurrent.Completions.rethrowable;
import static dev.cognitosecured.runtime.internal.concurrent.Completions.unwrap;

import dev.cognitosecured.runtime.CallInterruptedException;
import dev.cognitosecured.runtime.CallTimeoutException;
import dev.cognitosecured.runtime.CallTimeoutException.Part;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One kind of wait with a bound: what waits ({@code subject}, e.g. "GraphQL operation TodoApi.getTodo"),
 * for which {@link Part}, bounded by which configuration key. It waits on the real time
 * ({@link System#nanoTime()}): the bound is the time a caller is kept, whatever clock expiry is judged on.
 * A wait that runs out throws {@link CallTimeoutException}; an interrupted one sets the thread's interrupt
 * flag again and throws {@link CallInterruptedException}.
 *
 * @param subject who waits, for messages (never a token)
 * @param part what it waits for
 * @param key the full configuration key that bounds the wait
 */
public record BoundedWait(String subject, Part part, String key) {

    /** Nanoseconds in the longest wait this class computes with: about 146 years, so that sums cannot overflow. */
    public static final long FOREVER = Long.MAX_VALUE / 2;

    public BoundedWait {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(key, "key");
    }

    /** The real time now, in nanoseconds, on the clock every bound is measured on. */
    public static long now() {
        return System.nanoTime();
    }

    /** Nanoseconds in {@code duration}, at most {@link #FOREVER}. */
    public static long nanos(Duration duration) {
        return duration.compareTo(Duration.ofNanos(FOREVER)) >= 0 ? FOREVER : Math.max(0, duration.toNanos());
    }

    /**
     * Waits for {@code stage} until {@code deadline} (a reading of {@link #now()}), counting the wait from
     * {@code startedAt}, and returns its value or throws what it failed with, unwrapped.
     */
    public <T> T await(CompletionStage<T> stage, long startedAt, long deadline) {
        return get(Completions.relayed(stage), startedAt, deadline);
    }

    /** As {@link #await}, for a future whose failures are already unwrapped or plain. */
    public <T> T get(CompletableFuture<T> future, long startedAt, long deadline) {
        try {
            long left = deadline - now();
            if (left <= 0 && !future.isDone()) {
                throw timedOut(now() - startedAt);
            }
            return future.get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw timedOut(now() - startedAt);
        } catch (InterruptedException e) {
            throw interrupted(e);
        } catch (ExecutionException e) {
            throw rethrowable(unwrap(e));
        }
    }

    /** The exception for a wait that gave up after {@code waitedNanos}. */
    public CallTimeoutException timedOut(long waitedNanos) {
        return timedOut(waitedNanos, null);
    }

    /** The exception for a wait that gave up after {@code waitedNanos}, replacing {@code cause} (may be null). */
    public CallTimeoutException timedOut(long waitedNanos, Throwable cause) {
        Duration waited = Duration.ofNanos(Math.max(0, waitedNanos));
        return new CallTimeoutException(subject + " ran out of time " + part.description() + ": it gave up after "
                + waited.toMillis() + " ms. Nothing is lost: the tokens are kept, and a later call can succeed."
                + " If this part may take that long, raise " + key + ".", part, waited, key, cause);
    }

    /** Sets the interrupt flag again and gives the exception for an interrupted wait. */
    public CallInterruptedException interrupted(InterruptedException cause) {
        Thread.currentThread().interrupt();
        return new CallInterruptedException(subject + " was interrupted " + part.description()
                + "; the thread's interrupt flag is set. The tokens are kept.", cause);
    }
}
