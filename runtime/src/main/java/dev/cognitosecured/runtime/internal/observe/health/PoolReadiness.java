package dev.cognitosecured.runtime.internal.observe.health;

import dev.cognitosecured.runtime.internal.observe.PoolStatus;
import java.util.Objects;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The readiness of one pool, named {@code cognito-secured-<pool>}, from what its stores last told
 * ({@link PoolStatus}): it never calls Cognito.
 * <ul>
 *   <li>An application-scoped pool has one session: UP while it is signed in, DOWN before the first
 *       sign-in and after the session ended. A failed refresh keeps the old tokens and calls go on with
 *       them, so the check stays UP and reports the failures.</li>
 *   <li>A session-scoped pool has a session per user and a probe has none: UP unless the pool's last
 *       refresh, of whichever session, failed (then DOWN until a refresh or a sign-in of any session
 *       succeeds).</li>
 * </ul>
 * Data: {@code scope}, {@code signedIn} (application scope), {@code refreshFailuresInRow},
 * {@code lastRefreshFailed}, and when known {@code lastRefreshAt}, {@code lastRefreshFailedAt}
 * (ISO-8601 instants) and {@code lastRefreshFailure} (the failure's simple class name). No token,
 * no username.
 */
public final class PoolReadiness implements HealthCheck {

    private final String pool;
    private final boolean sessionScoped;
    private final PoolStatus status;

    public PoolReadiness(String pool, boolean sessionScoped, PoolStatus status) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.sessionScoped = sessionScoped;
        this.status = Objects.requireNonNull(status, "status");
    }

    @Override
    public HealthCheckResponse call() {
        PoolStatus.Snapshot now = status.snapshot();
        boolean up = sessionScoped ? !now.lastRefreshFailed() : now.signedIn();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("cognito-secured-" + pool)
                .status(up)
                .withData("scope", sessionScoped ? "session" : "application")
                .withData("refreshFailuresInRow", now.failuresInRow())
                .withData("lastRefreshFailed", now.lastRefreshFailed());
        if (!sessionScoped) {
            response.withData("signedIn", now.signedIn());
        }
        now.lastRefreshAt().ifPresent(at -> response.withData("lastRefreshAt", at.toString()));
        now.lastFailureAt().ifPresent(at -> response.withData("lastRefreshFailedAt", at.toString()));
        now.lastFailure().ifPresent(failure -> response.withData("lastRefreshFailure", failure));
        return response.build();
    }

    @Override
    public String toString() {
        return "PoolReadiness[" + pool + "]";
    }
}
