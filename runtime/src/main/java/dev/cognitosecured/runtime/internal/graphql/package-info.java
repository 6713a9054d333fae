/**
 * The default {@link dev.cognitosecured.runtime.spi.GraphQLTransport}: GraphQL over HTTP with the
 * JAX-RS client API and JSON-B. Implementation; not an API.
 */
package dev.cognitosecured.runtime.internal.graphql;
