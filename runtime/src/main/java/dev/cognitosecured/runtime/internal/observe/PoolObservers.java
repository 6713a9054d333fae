package dev.cognitosecured.runtime.internal.observe;

import dev.cognitosecured.runtime.spi.GraphQLOperation;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The observers of one pool as one: {@link PoolObserver#NONE} when there is none, the one itself when
 * there is one. An observer that throws does not fail what it observes: its exception is logged.
 */
public final class PoolObservers {

    private static final System.Logger LOG = System.getLogger(PoolObservers.class.getName());

    private PoolObservers() {
    }

    /** The observers {@code factories} make for {@code pool}, as one. */
    public static PoolObserver of(List<ObserverFactory> factories, ObservedPool pool) {
        List<PoolObserver> observers = new ArrayList<>(factories.size());
        for (ObserverFactory factory : factories) {
            observers.add(factory.observe(pool));
        }
        return of(observers);
    }

    static PoolObserver of(List<PoolObserver> observers) {
        return switch (observers.size()) {
            case 0 -> PoolObserver.NONE;
            case 1 -> observers.get(0);
            default -> new All(List.copyOf(observers));
        };
    }

    private record All(List<PoolObserver> observers) implements PoolObserver {

        @Override
        public CallObserver calls() {
            List<CallObserver> calls = observers.stream().map(PoolObserver::calls).toList();
            return operation -> new AllCalls(calls.stream().map(call -> call.callStarted(operation)).toList());
        }

        @Override
        public void event(Object event) {
            each(observer -> observer.event(event));
        }

        @Override
        public void signInStep(String step, String outcome) {
            each(observer -> observer.signInStep(step, outcome));
        }

        @Override
        public List<ExecutionInterceptor> cognitoInterceptors() {
            return observers.stream().flatMap(observer -> observer.cognitoInterceptors().stream()).toList();
        }

        @Override
        public void close() {
            each(PoolObserver::close);
        }

        private void each(Consumer<PoolObserver> action) {
            for (PoolObserver observer : observers) {
                try {
                    action.accept(observer);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, () -> "An observer of a user pool failed: " + observer.getClass().getName(), e);
                }
            }
        }
    }

    private record AllCalls(List<CallObservation> calls) implements CallObservation {

        @Override
        public void waitedForTokens(long nanos) {
            calls.forEach(call -> call.waitedForTokens(nanos));
        }

        @Override
        public void replaying() {
            calls.forEach(CallObservation::replaying);
        }

        @Override
        public Scope resume() {
            List<Scope> scopes = calls.stream().map(CallObservation::resume).toList();
            return () -> {
                for (int i = scopes.size() - 1; i >= 0; i--) {
                    scopes.get(i).close();
                }
            };
        }

        @Override
        public void leave() {
            for (int i = calls.size() - 1; i >= 0; i--) {
                calls.get(i).leave();
            }
        }

        @Override
        public void ended(Throwable failure) {
            calls.forEach(call -> call.ended(failure));
        }
    }

    /**
     * The GraphQL operation name a span gives {@code operation}: the one it declares, else its own name
     * (the client method's, e.g. {@code TodoApi.getTodo}).
     */
    public static String operationName(GraphQLOperation<?> operation) {
        return operation.operationName().orElse(operation.name());
    }
}
