/**
 * The CDI events fired by the session stores; observe them with {@code @Observes}. None carries a
 * token.
 */
package dev.cognitosecured.runtime.event;
