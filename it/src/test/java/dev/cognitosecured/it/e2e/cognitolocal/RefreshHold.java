package dev.cognitosecured.it.e2e.cognitolocal;

import dev.cognitosecured.it.e2e.HeldRefresh;
import dev.cognitosecured.it.e2e.Threads;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;

/**
 * Holds the next {@code REFRESH_TOKEN_AUTH} request, once {@linkplain #arm() armed}, just before the
 * AWS SDK sends it to cognito-local (which has no fault injection of its own), until
 * {@link #release()}.
 */
final class RefreshHold implements ExecutionInterceptor, HeldRefresh {

    private final AtomicBoolean armed = new AtomicBoolean();
    private final CompletableFuture<Void> arrived = new CompletableFuture<>();
    private final CountDownLatch released = new CountDownLatch(1);

    /** Holds the next refresh request. */
    RefreshHold arm() {
        armed.set(true);
        return this;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (context.request() instanceof InitiateAuthRequest request
                && request.authFlow() == AuthFlowType.REFRESH_TOKEN_AUTH
                && armed.compareAndSet(true, false)) {
            arrived.complete(null);
            try {
                if (!released.await(Threads.STALL_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the held refresh was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while holding the refresh", e);
            }
        }
    }

    @Override
    public CompletableFuture<?> arrived() {
        return arrived;
    }

    @Override
    public void release() {
        released.countDown();
    }
}
