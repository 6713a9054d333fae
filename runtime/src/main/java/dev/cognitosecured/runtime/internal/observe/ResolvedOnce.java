package dev.cognitosecured.runtime.internal.observe;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * What an integration needs from the application (its {@code MeterRegistry}, its {@code OpenTelemetry}),
 * resolved on first use and kept; until it resolves, empty. A server may refuse to resolve an
 * application's bean on a thread that runs no application code (Payara, while it restores HTTP sessions
 * at start-up): then the observation is skipped, never the call or the sign-in it observes, and it is
 * tried again at the next use. The first failure is logged.
 */
public final class ResolvedOnce<T> {

    private static final System.Logger LOG = System.getLogger(ResolvedOnce.class.getName());

    private final String what;
    private final Supplier<T> resolve;
    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile T value;

    public ResolvedOnce(String what, Supplier<T> resolve) {
        this.what = Objects.requireNonNull(what, "what");
        this.resolve = Objects.requireNonNull(resolve, "resolve");
    }

    /** The value, resolved now if it was not yet; empty if it cannot be resolved on this thread now. */
    public Optional<T> get() {
        T seen = value;
        if (seen != null) {
            return Optional.of(seen);
        }
        try {
            T resolved = Objects.requireNonNull(resolve.get(), what);
            value = resolved; // a race resolves twice, to equal values: the application's one bean
            return Optional.of(resolved);
        } catch (RuntimeException e) {
            if (warned.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, () -> "cognito-secured could not resolve " + what + " on thread "
                        + Thread.currentThread().getName() + "; what it observes there is skipped, and it is tried"
                        + " again at the next use", e);
            }
            return Optional.empty();
        }
    }

    /** The value if it was resolved, without trying. */
    public Optional<T> ifResolved() {
        return Optional.ofNullable(value);
    }
}
