package dev.cognitosecured.runtime.internal.cognito;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One request to Cognito through the AWS SDK's asynchronous client, which bounds it by the pool's
 * {@code cognito.timeout} (the SDK's API call timeout), with its failure mapped: a request that fails as it is
 * made fails the stage as one that was sent; a failure is first judged by
 * {@link CognitoFailures#timeoutIfItWasOne} (the SDK's timeout, however the SDK reported it) and then mapped by
 * the caller into the library's exception.
 */
public final class CognitoRequest {

    private CognitoRequest() {
    }

    /**
     * Starts {@code request} and maps any failure, thrown or completed, with {@code mapping}. Returns at once.
     *
     * @param request starts the SDK's request
     * @param failures the pool's failure mapping, which knows its {@code cognito.timeout}
     * @param mapping turns the failure into the library's exception, e.g. {@code failures::ofSignIn}
     */
    public static <T> CompletionStage<T> send(Supplier<CompletableFuture<T>> request, CognitoFailures failures,
            Function<Throwable, Throwable> mapping) {
        long startedAt = System.nanoTime();
        CompletableFuture<T> started;
        try {
            started = request.get();
        } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        started.whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
            } else {
                Duration elapsed = Duration.ofNanos(System.nanoTime() - startedAt);
                result.completeExceptionally(mapping.apply(failures.timeoutIfItWasOne(failure, elapsed)));
            }
        });
        return result;
    }
}
