package dev.cognitosecured.runtime.internal.observe.otel;

import dev.cognitosecured.runtime.internal.observe.CallObservation;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The span of one GraphQL call: current on the calling thread from the call's start until it leaves,
 * and on each thread that goes on with the call while it does ({@link #resume()}), so that a refresh
 * the call causes, on whichever thread, is its child. Ended with the number of attempts and, if the
 * call failed, the failure's class: never its message, a token or a variable.
 */
final class CallSpan implements CallObservation {

    private final Span span;
    private final Context context;
    private final io.opentelemetry.context.Scope calling;
    private final AtomicInteger replays = new AtomicInteger();

    CallSpan(Span span) {
        this.span = span;
        this.context = Context.current().with(span);
        this.calling = context.makeCurrent();
    }

    @Override
    public void waitedForTokens(long nanos) {
        span.setAttribute(PoolTracing.WAITED, true);
    }

    @Override
    public void replaying() {
        replays.incrementAndGet();
        span.addEvent("replay after HTTP 401");
    }

    @Override
    public Scope resume() {
        io.opentelemetry.context.Scope scope = context.makeCurrent();
        return scope::close;
    }

    @Override
    public void leave() {
        calling.close();
    }

    @Override
    public void ended(Throwable failure) {
        span.setAttribute(PoolTracing.ATTEMPTS, replays.get() + 1L);
        if (failure != null) {
            span.setAttribute(PoolTracing.ERROR_TYPE, failure.getClass().getName());
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }
}
