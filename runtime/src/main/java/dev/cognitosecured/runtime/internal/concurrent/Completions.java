package dev.cognitosecured.runtime.internal.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/** What the library does with the failures of {@link java.util.concurrent.CompletionStage}s: one place. */
public final class Completions {

    private Completions() {
    }

    /**
     * The failure a stage was completed with, without the {@link CompletionException} and
     * {@link ExecutionException} wrappers that {@code join}, {@code get} and dependent stages add.
     */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * {@code cause} as something a synchronous caller can throw: itself if unchecked; an
     * {@link Error} is thrown at once; a checked exception is wrapped in a {@link CompletionException}.
     */
    public static RuntimeException rethrowable(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new CompletionException(cause);
    }

    /**
     * A future of the caller's own that completes as {@code stage} does, its failure unwrapped. Works for
     * any stage, also one whose {@code toCompletableFuture()} is not supported.
     */
    public static <T> CompletableFuture<T> relayed(CompletionStage<T> stage) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                outcome.complete(value);
            } else {
                outcome.completeExceptionally(unwrap(failure));
            }
        });
        return outcome;
    }
}
