package dev.cognitosecured.runtime.internal.observe;

import dev.cognitosecured.runtime.event.RefreshFailed;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.event.SignedIn;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a pool's readiness check reports, kept from its stores' events: whether a session is signed in
 * (meaningful for an application-scoped pool, which has one store), and the outcome of the pool's last
 * refreshes, across all its stores. Never asks Cognito anything. Holds no token, no username.
 */
public final class PoolStatus {

    private final InstantSource wallClock;
    private final AtomicReference<Snapshot> current = new AtomicReference<>(Snapshot.INITIAL);

    /** A status with nothing seen yet, telling event times by {@code wallClock}. */
    public PoolStatus(InstantSource wallClock) {
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    }

    /** Notes a store's event; other objects are ignored. */
    public void record(Object event) {
        if (event instanceof SignedIn || event instanceof TokensRefreshed || event instanceof RefreshFailed
                || event instanceof SessionEnded) {
            Instant at = wallClock.instant();
            current.updateAndGet(seen -> seen.after(event, at));
        }
    }

    /** The status now. */
    public Snapshot snapshot() {
        return current.get();
    }

    /**
     * The status at one instant.
     *
     * @param signedIn whether the last session event was a sign-in (not a session's end)
     * @param lastRefreshAt when a refresh last succeeded
     * @param lastFailureAt when a refresh last failed
     * @param lastFailure the simple class name of the last refresh failure
     * @param failuresInRow how many refreshes failed since the last one that succeeded, or the last sign-in
     */
    public record Snapshot(boolean signedIn, Optional<Instant> lastRefreshAt, Optional<Instant> lastFailureAt,
            Optional<String> lastFailure, long failuresInRow) {

        static final Snapshot INITIAL = new Snapshot(false, Optional.empty(), Optional.empty(), Optional.empty(), 0);

        Snapshot after(Object event, Instant at) {
            if (event instanceof SignedIn) {
                return new Snapshot(true, lastRefreshAt, lastFailureAt, lastFailure, 0);
            }
            if (event instanceof TokensRefreshed) {
                return new Snapshot(signedIn, Optional.of(at), lastFailureAt, lastFailure, 0);
            }
            if (event instanceof RefreshFailed failed) {
                return new Snapshot(signedIn, lastRefreshAt, Optional.of(at),
                        Optional.of(failed.cause() == null ? "unknown" : failed.cause().getClass().getSimpleName()),
                        failuresInRow + 1);
            }
            return new Snapshot(false, lastRefreshAt, lastFailureAt, lastFailure, failuresInRow);
        }

        /** Whether the pool's last refresh failed (none succeeded since, nor did a sign-in). */
        public boolean lastRefreshFailed() {
            return failuresInRow > 0;
        }
    }
}
