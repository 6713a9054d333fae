/**
 * Metrics through Micrometer: loaded only when the application has {@code micrometer-core}. The
 * meters are registered with the application's {@code MeterRegistry} bean, else with
 * {@code Metrics.globalRegistry}; their names and tags are listed in docs/REFERENCE.md.
 */
package dev.cognitosecured.runtime.internal.observe.micrometer;
