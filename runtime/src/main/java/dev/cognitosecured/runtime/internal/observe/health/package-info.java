/**
 * Readiness checks through MicroProfile Health: loaded only when the application has its API. One
 * {@code @Readiness} check per pool, named {@code cognito-secured-<pool>}.
 */
package dev.cognitosecured.runtime.internal.observe.health;
