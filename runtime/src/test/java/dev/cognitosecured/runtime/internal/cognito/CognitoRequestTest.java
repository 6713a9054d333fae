package dev.cognitosecured.runtime.internal.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

class CognitoRequestTest {

    private static final CognitoFailures FAILURES = new CognitoFailures(Duration.ofSeconds(10),
            "cognito-secured.cognito.timeout");

    private final List<Throwable> mapped = new ArrayList<>();
    private final Function<Throwable, Throwable> mapping = failure -> {
        mapped.add(failure);
        return new IllegalStateException("mapped");
    };

    @Test
    void anAnswerCompletesTheStageAndIsNotMapped() {
        CompletionStage<String> answer = CognitoRequest.send(() -> CompletableFuture.completedFuture("answer"),
                FAILURES, mapping);

        assertEquals("answer", answer.toCompletableFuture().getNow(null));
        assertTrue(mapped.isEmpty());
    }

    @Test
    void aRequestThatFailsAsItIsMadeFailsTheStageWithTheMappedFailure() {
        IllegalArgumentException refused = new IllegalArgumentException("a request the SDK refuses to build");

        CompletableFuture<String> answer = CognitoRequest.<String>send(() -> {
            throw refused;
        }, FAILURES, mapping).toCompletableFuture();

        assertTrue(answer.isCompletedExceptionally(), "the caller gets a failed stage, nothing thrown");
        assertEquals(List.of(refused), mapped);
        assertEquals("mapped", assertThrows(CompletionException.class, answer::join).getCause().getMessage());
    }

    @Test
    void aFailureAfterTheWholeBudgetIsMappedAsTheSdksTimeout() {
        CognitoFailures noBudget = new CognitoFailures(Duration.ZERO, "cognito-secured.cognito.timeout");
        SdkClientException aborted = SdkClientException.builder().message("the connection was aborted").build();

        CognitoRequest.send(() -> CompletableFuture.failedFuture(aborted), noBudget, mapping);

        ApiCallTimeoutException timeout = assertInstanceOf(ApiCallTimeoutException.class, mapped.get(0));
        assertSame(aborted, timeout.getCause());
    }
}
