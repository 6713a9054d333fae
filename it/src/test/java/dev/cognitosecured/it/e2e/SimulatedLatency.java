package dev.cognitosecured.it.e2e;

import dev.cognitosecured.testing.cognito.ManualClock;
import dev.cognitosecured.testing.graphql.LatencyWait;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * LocalGraphQL's latency on the test's {@link ManualClock}, as a discrete-event simulation: a request
 * parks at the server until it is due ({@code arrival + delay} on the clock), and the test's thread
 * ({@link #advanceWhenAllWait}) moves the clock to the earliest due request only once every caller
 * still running has a request parked. The server then checks the token at that later instant, and
 * the application's ticker (which follows the same clock) sees the attempt take exactly its delay.
 * Time never moves while a caller is doing something else (taking a token, waiting for a refresh at
 * LocalCognito), so the outcome does not depend on how fast the machine is; and no thread sleeps.
 */
final class SimulatedLatency implements LatencyWait {

    private final ManualClock clock;
    private final PriorityQueue<Parked> parked = new PriorityQueue<>();
    private int running;
    private long arrivals;

    SimulatedLatency(ManualClock clock, int callers) {
        this.clock = clock;
        this.running = callers;
    }

    @Override
    public void await(Duration delay) throws InterruptedException {
        synchronized (this) {
            Parked request = new Parked(clock.instant().plus(delay), arrivals++);
            parked.add(request);
            notifyAll();
            while (!request.released) {
                wait();
            }
        }
    }

    /** A caller has finished: the clock no longer waits for it. */
    synchronized void callerDone() {
        running--;
        notifyAll();
    }

    /**
     * Waits until every running caller has a request parked, then moves the clock to the earliest
     * due request and releases every request due by then.
     *
     * @return {@code false} once no caller runs any more
     */
    synchronized boolean advanceWhenAllWait() throws InterruptedException {
        while (running > 0 && parked.size() < running) {
            wait();
        }
        if (running == 0) {
            return false;
        }
        Instant due = parked.peek().due;
        if (due.isAfter(clock.instant())) {
            clock.set(due);
        }
        while (!parked.isEmpty() && !parked.peek().due.isAfter(due)) {
            parked.poll().released = true;
        }
        notifyAll();
        return true;
    }

    /** One request waiting out its delay; ordered by when it is due, then by arrival. */
    private static final class Parked implements Comparable<Parked> {
        final Instant due;
        final long arrival;
        boolean released;

        Parked(Instant due, long arrival) {
            this.due = due;
            this.arrival = arrival;
        }

        @Override
        public int compareTo(Parked other) {
            int byDue = due.compareTo(other.due);
            return byDue != 0 ? byDue : Long.compare(arrival, other.arrival);
        }
    }
}
