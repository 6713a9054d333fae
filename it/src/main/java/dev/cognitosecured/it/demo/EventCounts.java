package dev.cognitosecured.it.demo;

import java.util.Objects;
import java.util.OptionalLong;

/** The counts against AWS: only what the application itself sees, through the session store's events. */
final class EventCounts implements ObservedCounts {

    private final SessionEvents events;

    EventCounts(SessionEvents events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Refreshes the session store settled: {@code TokensRefreshed} and {@code RefreshFailed} events. */
    @Override
    public long refreshes() {
        return events.refreshes() + events.failedRefreshes();
    }

    @Override
    public OptionalLong serverUnauthorized() {
        return OptionalLong.empty();
    }

    @Override
    public String refreshesSource() {
        return "refreshes settled, as the session store's events tell";
    }
}
