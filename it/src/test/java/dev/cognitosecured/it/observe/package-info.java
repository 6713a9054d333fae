/**
 * Health, metrics and tracing with the real libraries (Micrometer's {@code SimpleMeterRegistry}, the
 * OpenTelemetry SDK's in-memory exporter, SmallRye Health), over LocalCognito and LocalGraphQL on
 * loopback, as the end-to-end suite boots the application.
 */
package dev.cognitosecured.it.observe;
