package dev.cognitosecured.runtime.internal.observe.micrometer;

import dev.cognitosecured.runtime.internal.observe.CallObservation;
import dev.cognitosecured.runtime.internal.observe.CallObserver;
import dev.cognitosecured.runtime.internal.observe.PoolObserver;
import dev.cognitosecured.runtime.internal.observe.ResolvedOnce;
import dev.cognitosecured.runtime.spi.GraphQLOperation;

/**
 * A pool's {@link PoolMeters}, made at the first thing to count; until they can be made (the registry
 * cannot be resolved on this thread), nothing is counted.
 */
final class LazyPoolMeters implements PoolObserver, CallObserver {

    private final ResolvedOnce<PoolMeters> meters;

    LazyPoolMeters(ResolvedOnce<PoolMeters> meters) {
        this.meters = meters;
    }

    @Override
    public CallObserver calls() {
        return this;
    }

    @Override
    public CallObservation callStarted(GraphQLOperation<?> operation) {
        return meters.get().map(made -> made.callStarted(operation)).orElse(CallObservation.NONE);
    }

    @Override
    public void event(Object event) {
        meters.get().ifPresent(made -> made.event(event));
    }

    @Override
    public void signInStep(String step, String outcome) {
        meters.get().ifPresent(made -> made.signInStep(step, outcome));
    }

    @Override
    public void close() {
        meters.ifResolved().ifPresent(PoolMeters::close);
    }
}
