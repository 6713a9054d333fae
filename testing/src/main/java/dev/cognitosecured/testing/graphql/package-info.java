/**
 * A local AppSync-style GraphQL server for tests: {@link dev.cognitosecured.testing.graphql.LocalGraphQL}
 * serves a schema and data fetchers given by the test over HTTP on loopback and checks the Cognito
 * token of every request as AppSync does (signature against the pool's keys, {@code iss},
 * {@code token_use}, {@code exp} with no leeway, per-field group permissions), answering in
 * AppSync's wire format. It records every request for assertions and can delay its answers. On the
 * same port it serves AppSync's real-time endpoint for subscriptions ({@code graphql-ws} over
 * WebSocket), on Jetty.
 *
 * <p>Public types: {@link dev.cognitosecured.testing.graphql.LocalGraphQL} and its builder,
 * {@link dev.cognitosecured.testing.graphql.VerifiedCaller} (the caller, for data fetchers),
 * {@link dev.cognitosecured.testing.graphql.ReceivedRequest} (what was recorded),
 * {@link dev.cognitosecured.testing.graphql.Latency}, {@link dev.cognitosecured.testing.graphql.TokenUse}
 * {@link dev.cognitosecured.testing.graphql.ResolverError}, and for subscriptions
 * {@link dev.cognitosecured.testing.graphql.RealtimeTokenExpiry} and
 * {@link dev.cognitosecured.testing.graphql.RealtimeCounters}. Everything else is package-private.
 */
package dev.cognitosecured.testing.graphql;
