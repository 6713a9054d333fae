package dev.cognitosecured.runtime.internal.observe.otel;

import dev.cognitosecured.runtime.internal.observe.ResolvedOnce;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * One span per Cognito request, named {@code CognitoIdentityProvider/<Action>}, from the AWS SDK's
 * start of the request (on the thread that sends it: its parent is the span current there) to its
 * end, retries included. Attributes: {@code rpc.system} {@code aws-api}, {@code rpc.service},
 * {@code rpc.method}, the pool, and {@code error.type} (the exception's class) if it failed. Nothing of
 * the request or the answer is read: no username, password, code or token.
 */
final class CognitoSpans implements ExecutionInterceptor {

    static final String SERVICE = "CognitoIdentityProvider";
    static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
    static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");
    static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");

    private static final ExecutionAttribute<Span> SPAN = new ExecutionAttribute<>("dev.cognitosecured.span");

    private final ResolvedOnce<Tracer> tracer;
    private final String pool;

    CognitoSpans(ResolvedOnce<Tracer> tracer, String pool) {
        this.tracer = tracer;
        this.pool = pool;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Tracer resolved = tracer.get().orElse(null);
        if (resolved == null) {
            return;
        }
        String action = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Span span = resolved.spanBuilder(SERVICE + "/" + action)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(RPC_SYSTEM, "aws-api")
                .setAttribute(RPC_SERVICE, SERVICE)
                .setAttribute(RPC_METHOD, action)
                .setAttribute(PoolTracing.POOL, pool)
                .startSpan();
        attributes.putAttribute(SPAN, span);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Span span = attributes.getAttribute(SPAN);
        if (span != null) {
            span.end();
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Span span = attributes.getAttribute(SPAN);
        if (span != null) {
            span.setAttribute(PoolTracing.ERROR_TYPE, context.exception().getClass().getName());
            span.setStatus(StatusCode.ERROR);
            span.end();
        }
    }
}
