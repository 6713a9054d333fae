package dev.cognitosecured.it.e2e;

import dev.cognitosecured.runtime.event.RefreshFailed;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.event.SignedIn;
import dev.cognitosecured.runtime.event.SubscriptionResumed;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Records the session stores' and the subscriptions' CDI events of every pool, from whichever thread fires them. */
@ApplicationScoped
public class StoreEvents {

    private final ConcurrentLinkedQueue<Object> events = new ConcurrentLinkedQueue<>();

    void signedIn(@Observes SignedIn event) {
        add(event);
    }

    void refreshed(@Observes TokensRefreshed event) {
        add(event);
    }

    void refreshFailed(@Observes RefreshFailed event) {
        add(event);
    }

    void ended(@Observes SessionEnded event) {
        add(event);
    }

    void resumed(@Observes SubscriptionResumed resumed) { // events published during resumed.gap() are lost
        add(resumed); // an application reads what changed meanwhile with a query here
    }

    private synchronized void add(Object event) {
        events.add(event);
        notifyAll();
    }

    /**
     * Waits until {@code count} events of {@code type} were fired (a hook, not a timing: the bound only keeps a
     * broken run from hanging).
     *
     * @throws AssertionError if they were not fired within {@code Threads.STALL_SECONDS}
     */
    public synchronized void awaitCount(Class<?> type, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Threads.STALL_SECONDS);
        while (count(type) < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("waited in vain for " + count + " " + type.getSimpleName() + ": " + this);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** The events of {@code type}, in the order they were fired. */
    public <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public long count(Class<?> type) {
        return events.stream().filter(type::isInstance).count();
    }

    /** How many times each user's tokens were refreshed. */
    public Map<String, Long> refreshesByUser() {
        return of(TokensRefreshed.class).stream()
                .collect(Collectors.groupingBy(TokensRefreshed::username, Collectors.counting()));
    }

    @Override
    public String toString() {
        return "StoreEvents" + events.stream().map(e -> e.getClass().getSimpleName()).collect(
                Collectors.groupingBy(name -> name, Collectors.counting()));
    }
}
