/**
 * Tracing through the OpenTelemetry API: loaded only when the application has
 * {@code opentelemetry-api}. Spans go to the application's {@code OpenTelemetry} bean, else to
 * {@code GlobalOpenTelemetry}; tracer {@code dev.cognitosecured}. Span names and attributes are
 * listed in docs/REFERENCE.md; no span carries a token, a password, a code or a variable's value.
 */
package dev.cognitosecured.runtime.internal.observe.otel;
