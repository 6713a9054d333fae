package dev.cognitosecured.runtime.internal.cdi;

import dev.cognitosecured.annotations.AuthFlow;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Fires a session store's events ({@code SignedIn}, {@code TokensRefreshed}, ...) as synchronous CDI
 * events qualified {@code @AuthFlow(pool)}. An observer without qualifiers ({@code @Observes
 * SignedIn e}) sees the events of every pool; {@code @Observes @AuthFlow("partners") SignedIn e}
 * those of one pool.
 *
 * <p>A failing observer does not fail the store's operation (the tokens are already in place): its
 * exception is logged.
 */
final class PoolEvents implements Consumer<Object> {

    private static final System.Logger LOG = System.getLogger(PoolEvents.class.getName());

    private final String pool;
    private final Event<Object> event;

    PoolEvents(BeanManager beanManager, String pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.event = beanManager.getEvent().select(AuthFlow.Literal.of(pool));
    }

    @Override
    public void accept(Object payload) {
        try {
            event.fire(payload);
        } catch (RuntimeException observerFailed) {
            LOG.log(Level.WARNING, () -> "An observer of " + payload.getClass().getSimpleName()
                    + " for the user pool '" + pool + "' failed", observerFailed);
        }
    }
}
