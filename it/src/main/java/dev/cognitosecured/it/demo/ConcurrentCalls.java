package dev.cognitosecured.it.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls the to-do API from several threads, back to back, until a deadline: three reads for every
 * write. Each thread reports its calls to {@link WaitingCallers} and their outcomes to
 * {@link CallCounts}.
 */
public final class ConcurrentCalls {

    private final TodoService todos;
    private final int threads;
    private final WaitingCallers waitingCallers;
    private final CallCounts counts;
    private final AtomicLong callIds = new AtomicLong();

    public ConcurrentCalls(TodoService todos, int threads, WaitingCallers waitingCallers, CallCounts counts) {
        this.todos = Objects.requireNonNull(todos, "todos");
        this.waitingCallers = Objects.requireNonNull(waitingCallers, "waitingCallers");
        this.counts = Objects.requireNonNull(counts, "counts");
        if (threads < 1) {
            throw new IllegalArgumentException("at least one thread: " + threads);
        }
        this.threads = threads;
    }

    /** Runs the threads for {@code duration}, on the system's monotonic clock, and waits for them to end. */
    public void runFor(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> callers = new ArrayList<>();
        for (int i = 1; i <= threads; i++) {
            callers.add(new Thread(() -> callUntil(deadline), "demo-caller-" + i));
        }
        callers.forEach(Thread::start);
        for (Thread thread : callers) {
            thread.join();
        }
    }

    private void callUntil(long deadline) {
        WaitingCallers.Caller caller = waitingCallers.watch(Thread.currentThread());
        while (deadline - System.nanoTime() > 0) {
            long id = callIds.incrementAndGet();
            caller.begin(id);
            try {
                if (id % 4 == 0) {
                    todos.add("Todo " + id);
                } else {
                    todos.todo(Long.toString(id % 100));
                }
                counts.succeeded();
            } catch (RuntimeException failure) {
                counts.failed(failure);
            } finally {
                caller.end();
            }
        }
    }
}
