/**
 * GraphQL subscriptions over AppSync's real-time WebSocket protocol, with the JDK's
 * {@link java.net.http.WebSocket}: one connection per principal and token kind ({@link RealtimeSession},
 * whose states are in {@link ConnectionState}), replaced make-before-break before its token expires,
 * when it drops or misses keep-alives, or when the server rejects its token. Implementation; not an API.
 */
package dev.cognitosecured.runtime.internal.realtime;
