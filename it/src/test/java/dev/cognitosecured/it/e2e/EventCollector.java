package dev.cognitosecured.it.e2e;

import dev.cognitosecured.it.e2e.app.Todo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A subscriber that requests every event and keeps what it received; a test waits, bounded, for a number of
 * events or for the end on its condition (signalled by every signal), never by sleeping.
 */
final class EventCollector implements Flow.Subscriber<Todo> {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<String> ids = new ArrayList<>();
    private Throwable failure;
    private boolean completed;
    private Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(Todo item) {
        signal(() -> ids.add(item.id()));
    }

    @Override
    public void onError(Throwable throwable) {
        signal(() -> failure = throwable);
    }

    @Override
    public void onComplete() {
        signal(() -> completed = true);
    }

    void cancel() {
        subscription.cancel();
    }

    private void signal(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until {@code count} events came (or the end), at most {@code timeout}; returns whether they did. */
    boolean awaitEvents(int count, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (ids.size() < count && failure == null && !completed) {
                if (left <= 0) {
                    return false;
                }
                left = changed.awaitNanos(left);
            }
            return ids.size() >= count;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the subscription ended with an error, at most {@code timeout}; returns it, or null. */
    Throwable awaitFailure(Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (failure == null && left > 0) {
                left = changed.awaitNanos(left);
            }
            return failure;
        } finally {
            lock.unlock();
        }
    }

    List<String> ids() {
        lock.lock();
        try {
            return List.copyOf(ids);
        } finally {
            lock.unlock();
        }
    }

    Throwable failure() {
        lock.lock();
        try {
            return failure;
        } finally {
            lock.unlock();
        }
    }
}
