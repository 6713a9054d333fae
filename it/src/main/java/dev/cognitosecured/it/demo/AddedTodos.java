package dev.cognitosecured.it.demo;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Flow;
import java.util.concurrent.locks.ReentrantLock;

/** The demo's subscriber to {@code onAddTodo}: counts the events, and any that came twice, and an error. */
final class AddedTodos implements Flow.Subscriber<Todo> {

    private final ReentrantLock lock = new ReentrantLock();
    private final Set<String> ids = new HashSet<>();
    private long events;
    private Throwable failure;
    private Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(Todo todo) {
        lock.lock();
        try {
            events++;
            ids.add(todo.id());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onError(Throwable error) {
        lock.lock();
        try {
            failure = error;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onComplete() {
    }

    /** Stops the subscription. */
    void cancel() {
        if (subscription != null) {
            subscription.cancel();
        }
    }

    /** E.g. {@code 412 events, duplicates 0, errors none}. */
    String describe() {
        lock.lock();
        try {
            return events + " events, duplicates " + (events - ids.size()) + ", errors "
                    + (failure == null ? "none" : failure.getClass().getSimpleName() + ": " + failure.getMessage());
        } finally {
            lock.unlock();
        }
    }
}
