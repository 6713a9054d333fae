package dev.cognitosecured.runtime.internal.realtime;

import java.util.concurrent.atomic.AtomicLong;

/** What a pool's subscriptions did, for tests and benchmarks. */
public final class RealtimeCounters {

    final AtomicLong connectionsOpened = new AtomicLong();
    final AtomicLong replacements = new AtomicLong();
    final AtomicLong drops = new AtomicLong();
    final AtomicLong failedAttempts = new AtomicLong();
    final AtomicLong duplicatesDropped = new AtomicLong();
    final AtomicLong gaps = new AtomicLong();
    final AtomicLong resumptions = new AtomicLong();

    /** {@return connections acknowledged by the server} */
    public long connectionsOpened() {
        return connectionsOpened.get();
    }

    /** {@return connections replaced make-before-break (token, keep-alive, rejected token)} */
    public long replacements() {
        return replacements.get();
    }

    /** {@return live connections that closed or failed} */
    public long drops() {
        return drops.get();
    }

    /** {@return attempts to open a connection that failed} */
    public long failedAttempts() {
        return failedAttempts.get();
    }

    /** {@return events dropped as duplicates while two connections carried a subscription} */
    public long duplicatesDropped() {
        return duplicatesDropped.get();
    }

    /** {@return subscriptions ended by SubscriptionGapException} */
    public long gaps() {
        return gaps.get();
    }

    /** {@return subscriptions carried again after losing their connection, within the gap limit} */
    public long resumptions() {
        return resumptions.get();
    }

    @Override
    public String toString() {
        return "RealtimeCounters[opened=" + connectionsOpened + ", replacements=" + replacements + ", drops=" + drops
                + ", failedAttempts=" + failedAttempts + ", duplicatesDropped=" + duplicatesDropped + ", gaps=" + gaps
                + ", resumptions=" + resumptions + "]";
    }
}
