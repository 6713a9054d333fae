package dev.cognitosecured.runtime.internal.observe.otel;

import dev.cognitosecured.runtime.internal.observe.CallObservation;
import dev.cognitosecured.runtime.internal.observe.CallObserver;
import dev.cognitosecured.runtime.internal.observe.PoolObserver;
import dev.cognitosecured.runtime.internal.observe.PoolObservers;
import dev.cognitosecured.runtime.internal.observe.ResolvedOnce;
import dev.cognitosecured.runtime.spi.GraphQLOperation;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The spans of one pool: one per GraphQL call (its attempts and replays within it), one per Cognito
 * request (the AWS SDK's retries within it), each a child of the span current where it started.
 */
final class PoolTracing implements PoolObserver, CallObserver {

    static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("graphql.operation.name");
    static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("graphql.operation.type");
    static final AttributeKey<String> POOL = AttributeKey.stringKey("cognito_secured.pool");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("cognito_secured.operation");
    static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("cognito_secured.attempts");
    static final AttributeKey<Boolean> WAITED = AttributeKey.booleanKey("cognito_secured.waited_for_tokens");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private final ResolvedOnce<Tracer> tracer;
    private final String pool;

    PoolTracing(ResolvedOnce<Tracer> tracer, String pool) {
        this.tracer = tracer;
        this.pool = pool;
    }

    @Override
    public CallObserver calls() {
        return this;
    }

    @Override
    public CallObservation callStarted(GraphQLOperation<?> operation) {
        Tracer resolved = tracer.get().orElse(null);
        if (resolved == null) {
            return CallObservation.NONE;
        }
        String type = operation.kind().name().toLowerCase(Locale.ROOT);
        String name = PoolObservers.operationName(operation);
        Span span = resolved.spanBuilder(type + " " + name)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(OPERATION_NAME, name)
                .setAttribute(OPERATION_TYPE, type)
                .setAttribute(POOL, pool)
                .setAttribute(OPERATION, operation.name())
                .startSpan();
        return new CallSpan(span);
    }

    @Override
    public List<ExecutionInterceptor> cognitoInterceptors() {
        return List.of(new CognitoSpans(tracer, pool));
    }
}
