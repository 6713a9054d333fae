/** The {@code @CognitoSecured} interface the benchmarks call, and its result type. */
package dev.cognitosecured.benchmarks.api;
