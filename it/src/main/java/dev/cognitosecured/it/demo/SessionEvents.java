package dev.cognitosecured.it.demo;

import dev.cognitosecured.runtime.event.RefreshFailed;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.event.SignedIn;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the application sees of its session store: the CDI events it fires (none carries a token).
 * Counts sign-ins and refreshes, and tells {@link WaitingCallers} each time a refresh is settled.
 */
@ApplicationScoped
public class SessionEvents {

    private final AtomicLong signIns = new AtomicLong();
    private final AtomicLong refreshes = new AtomicLong();
    private final AtomicLong failedRefreshes = new AtomicLong();
    private final AtomicLong endedSessions = new AtomicLong();
    private final WaitingCallers waitingCallers = new WaitingCallers();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition settled = lock.newCondition();

    void signedIn(@Observes SignedIn event) {
        signIns.incrementAndGet();
    }

    void refreshed(@Observes TokensRefreshed event) {
        refreshes.incrementAndGet();
        waitingCallers.refreshSettled();
        signalSettled();
    }

    void refreshFailed(@Observes RefreshFailed event) {
        failedRefreshes.incrementAndGet();
        waitingCallers.refreshSettled();
        signalSettled();
    }

    private void signalSettled() {
        lock.lock();
        try {
            settled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until {@code count} refreshes have settled (refreshed or failed), at most {@code patience}: a
     * refresh started in the background by one of the last calls may still be on its way.
     *
     * @return whether they have
     */
    public boolean awaitSettledRefreshes(long count, Duration patience) throws InterruptedException {
        long left = patience.toNanos();
        lock.lock();
        try {
            while (refreshes.get() + failedRefreshes.get() < count) {
                if (left <= 0) {
                    return false;
                }
                left = settled.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    void ended(@Observes SessionEnded event) {
        endedSessions.incrementAndGet();
        // every reason but these is a refresh that Cognito refused, which settles the refresh in flight
        if (event.reason() != SessionEnded.Reason.SIGNED_OUT && event.reason() != SessionEnded.Reason.SCOPE_ENDED) {
            waitingCallers.refreshSettled();
        }
    }

    /** Completed sign-ins ({@code SignedIn}). */
    public long signIns() {
        return signIns.get();
    }

    /** Refreshes that brought new tokens ({@code TokensRefreshed}). */
    public long refreshes() {
        return refreshes.get();
    }

    /** Refreshes that failed and left the tokens as they were ({@code RefreshFailed}). */
    public long failedRefreshes() {
        return failedRefreshes.get();
    }

    /** Sessions that ended ({@code SessionEnded}): signed out, or refresh token rejected. */
    public long endedSessions() {
        return endedSessions.get();
    }

    /** The callers whose waits for a refresh are counted. */
    public WaitingCallers waitingCallers() {
        return waitingCallers;
    }
}
