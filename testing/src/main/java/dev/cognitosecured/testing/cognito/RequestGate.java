package dev.cognitosecured.testing.cognito;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds requests (see {@link Fault#holdAt(RequestGate)}) until the test opens it, so a test can line up
 * concurrent callers deterministically: wait until the requests {@link #arrivals(int) arrived}, check what
 * must hold while they are in flight, then {@link #open()}. Once open it stays open. Thread-safe.
 */
public final class RequestGate {

    private final CountDownLatch opened = new CountDownLatch(1);
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Waiter> waiters = new ArrayList<>();
    private int arrived;

    /** A closed gate. */
    public RequestGate() {}

    /**
     * Completes when {@code count} requests in total have arrived at the gate.
     *
     * @param count at least 1
     * @return a future that completes, at once if they have arrived already
     * @throws IllegalArgumentException if {@code count} is less than 1
     */
    public CompletableFuture<Void> arrivals(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        CompletableFuture<Void> future = new CompletableFuture<>();
        lock.lock();
        try {
            if (arrived >= count) {
                future.complete(null);
            } else {
                waiters.add(new Waiter(count, future));
            }
        } finally {
            lock.unlock();
        }
        return future;
    }

    /** {@return how many requests have arrived so far} */
    public int arrived() {
        lock.lock();
        try {
            return arrived;
        } finally {
            lock.unlock();
        }
    }

    /** Lets every held request, and every later one, through. */
    public void open() {
        opened.countDown();
    }

    /** Called by the server for a request: counts it, then waits until the gate is open. */
    void pass() throws InterruptedException {
        List<CompletableFuture<Void>> due = new ArrayList<>();
        lock.lock();
        try {
            arrived++;
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
                Waiter waiter = it.next();
                if (arrived >= waiter.count()) {
                    due.add(waiter.future());
                    it.remove();
                }
            }
        } finally {
            lock.unlock();
        }
        due.forEach(f -> f.complete(null));
        opened.await();
    }

    @Override
    public String toString() {
        return "RequestGate[arrived=" + arrived() + ", open=" + (opened.getCount() == 0) + "]";
    }

    private record Waiter(int count, CompletableFuture<Void> future) {}
}
