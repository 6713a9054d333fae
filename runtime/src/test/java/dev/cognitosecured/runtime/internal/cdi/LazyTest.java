package dev.cognitosecured.runtime.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {

    @Test
    void concurrentCallersShareTheOneValueMadeOnce() throws Exception {
        AtomicInteger made = new AtomicInteger();
        CountDownLatch makerEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Lazy<Object> lazy = new Lazy<>(() -> {
            made.incrementAndGet();
            makerEntered.countDown();
            await(release);
            return new Object();
        });

        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(threads.submit(lazy::get));
            }
            assertEquals(true, makerEntered.await(10, TimeUnit.SECONDS));
            release.countDown();

            Object first = results.get(0).get(10, TimeUnit.SECONDS);
            for (Future<Object> result : results) {
                assertSame(first, result.get(10, TimeUnit.SECONDS));
            }
            assertEquals(1, made.get());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFailureIsRememberedAndThrownToEveryCaller() {
        AtomicInteger attempts = new AtomicInteger();
        IllegalStateException broken = new IllegalStateException("cannot make it");
        Lazy<Object> lazy = new Lazy<>(() -> {
            attempts.incrementAndGet();
            throw broken;
        });

        assertSame(broken, assertThrows(IllegalStateException.class, lazy::get));
        assertSame(broken, assertThrows(IllegalStateException.class, lazy::get));
        assertEquals(1, attempts.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
