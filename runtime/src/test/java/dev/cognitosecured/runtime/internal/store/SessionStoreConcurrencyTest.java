package dev.cognitosecured.runtime.internal.store;

import static dev.cognitosecured.runtime.internal.store.StoreFixture.HOUR;
import static dev.cognitosecured.runtime.internal.store.StoreFixture.localExpiry;
import static dev.cognitosecured.runtime.internal.store.TestTokens.issued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cognitosecured.runtime.event.TokensRefreshed;
import dev.cognitosecured.runtime.spi.Tokens;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many callers at once: N callers at expiry cause exactly one refresh, and all of them get its
 * tokens; in the prefetch window none of them waits.
 */
// A guard against a hang, not a timing assertion; a separate thread, as a caller may block in join().
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SessionStoreConcurrencyTest {

    private static final Duration PREFETCH = Duration.ofMinutes(2);
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final StoreFixture fixture = new StoreFixture(PREFETCH);
    private final DefaultSessionStore store = fixture.store;
    private final FakeIdentityProvider provider = fixture.provider;
    private Tokens signedIn;
    private long expiry;

    private void signIn() {
        long sentAt = fixture.ticker.read();
        signedIn = fixture.signIn(issued(1, HOUR));
        expiry = localExpiry(sentAt, HOUR);
    }

    @Test
    void aThousandPlatformThreadsAtExpiryShareOneRefresh() throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(1_000);
        try {
            callersAtExpiryShareOneRefresh(1_000, threads, callerStore -> callerStore.tokens(SKEW));
        } finally {
            shutDown(threads);
        }
    }

    @Test
    void aThousandRejectedCallersShareOneRefresh() throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(1_000);
        try {
            callersAtExpiryShareOneRefresh(1_000, threads, callerStore -> callerStore.refreshIfCurrent(signedIn));
        } finally {
            shutDown(threads);
        }
    }

    @Test
    void tenThousandVirtualThreadsAtExpiryShareOneRefresh() throws Throwable {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need JDK 21 or later");
        MethodHandle isVirtual = MethodHandles.publicLookup()
                .findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
        AtomicBoolean allVirtual = new AtomicBoolean(true);
        ExecutorService threads = virtualThreadPerTaskExecutor();
        try {
            callersAtExpiryShareOneRefresh(10_000, threads, callerStore -> {
                if (!isVirtualThread(isVirtual)) {
                    allVirtual.set(false);
                }
                return callerStore.tokens(SKEW);
            });
        } finally {
            shutDown(threads);
        }
        assertTrue(allVirtual.get(), "every caller ran on a virtual thread");
    }

    @Test
    void aThousandAsyncCallersAtExpiryShareOneRefreshWithoutBlocking() throws InterruptedException {
        signIn();
        fixture.ticker.moveTo(expiry);
        int callers = 1_000;
        List<CompletableFuture<Tokens>> stages = new ArrayList<>(callers);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch returned = new CountDownLatch(callers);
        try {
            for (int i = 0; i < callers; i++) {
                CompletableFuture<Tokens> stage = new CompletableFuture<>();
                stages.add(stage);
                threads.execute(() -> {
                    try {
                        gate.await();
                        store.tokensAsync(SKEW).whenComplete((tokens, failure) -> {
                            if (failure == null) {
                                stage.complete(tokens);
                            } else {
                                stage.completeExceptionally(failure);
                            }
                        });
                    } catch (Throwable e) {
                        stage.completeExceptionally(e);
                    } finally {
                        returned.countDown();
                    }
                });
            }
            gate.countDown();
            returned.await(); // every call returned: none of them blocked

            assertEquals(1, provider.refreshCalls());
            assertTrue(stages.stream().noneMatch(CompletableFuture::isDone));
            assertEquals(callers, store.waitingCallers());

            Tokens refreshed = issued(2, HOUR);
            provider.response(0).complete(refreshed);
            for (CompletableFuture<Tokens> stage : stages) {
                assertSame(refreshed, stage.join());
            }
            assertEquals(1, provider.refreshCalls());
        } finally {
            shutDown(threads);
        }
    }

    @Test
    void aThousandCallersInThePrefetchWindowStartOneRefreshAndNoneWaits() throws InterruptedException {
        signIn();
        fixture.ticker.moveTo(expiry - Duration.ofMinutes(1).toNanos());
        int callers = 1_000;
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            List<CompletableFuture<Tokens>> results = startCallers(callers, threads, new CountDownLatch(0),
                    new AtomicInteger(), callerStore -> callerStore.tokens(SKEW));
            for (CompletableFuture<Tokens> result : results) {
                assertSame(signedIn, result.join()); // returns while the refresh is still pending
            }
            assertEquals(1, provider.refreshCalls());
            assertInstanceOf(TokenState.Refreshing.class, store.state());
            assertFalse(provider.response(0).isDone());
        } finally {
            shutDown(threads);
        }
    }

    private void callersAtExpiryShareOneRefresh(int callers, ExecutorService threads,
            Function<DefaultSessionStore, Tokens> call) {
        signIn();
        fixture.ticker.moveTo(expiry);
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        List<CompletableFuture<Tokens>> results = startCallers(callers, threads, gate, finished, call);

        gate.countDown();
        while (store.waitingCallers() < callers && finished.get() == 0 && provider.refreshCalls() <= 1) {
            Thread.yield(); // until every caller waits; the class timeout guards against a hang
        }
        assertEquals(0, finished.get(), "no caller may get through before the refresh completes");
        assertEquals(1, provider.refreshCalls());
        assertEquals(callers, store.waitingCallers());

        Tokens refreshed = issued(2, HOUR);
        provider.response(0).complete(refreshed);
        for (CompletableFuture<Tokens> result : results) {
            assertSame(refreshed, result.join());
        }
        assertEquals(1, provider.refreshCalls());
        assertEquals(1, fixture.events.of(TokensRefreshed.class).size());
    }

    private List<CompletableFuture<Tokens>> startCallers(int callers, ExecutorService threads, CountDownLatch gate,
            AtomicInteger finished, Function<DefaultSessionStore, Tokens> call) {
        List<CompletableFuture<Tokens>> results = new ArrayList<>(callers);
        for (int i = 0; i < callers; i++) {
            CompletableFuture<Tokens> result = new CompletableFuture<>();
            results.add(result);
            threads.execute(() -> {
                try {
                    gate.await();
                    result.complete(call.apply(store));
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                } finally {
                    finished.incrementAndGet();
                }
            });
        }
        return results;
    }

    private static boolean isVirtualThread(MethodHandle isVirtual) {
        try {
            return (boolean) isVirtual.invokeExact(Thread.currentThread());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code Executors.newVirtualThreadPerTaskExecutor()}, looked up so that this compiles for Java 17. */
    private static ExecutorService virtualThreadPerTaskExecutor() throws Throwable {
        MethodHandle factory = MethodHandles.publicLookup().findStatic(Executors.class,
                "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class));
        return (ExecutorService) factory.invokeExact();
    }

    private static void shutDown(ExecutorService threads) throws InterruptedException {
        threads.shutdown();
        assertTrue(threads.awaitTermination(1, TimeUnit.MINUTES), "the callers' threads ended");
    }
}
