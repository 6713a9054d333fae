/**
 * What health checks, metrics and tracing learn from a pool: the store's events, the hooks a call
 * passes ({@link dev.cognitosecured.runtime.internal.observe.CallObserver}) and the Cognito requests.
 * Nothing here needs Micrometer, OpenTelemetry or MicroProfile Health; the sub-packages that do are
 * loaded by {@link dev.cognitosecured.runtime.internal.observe.Integrations} only when the application
 * has the library.
 */
package dev.cognitosecured.runtime.internal.observe;
