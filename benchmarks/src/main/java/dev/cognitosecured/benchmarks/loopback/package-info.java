/**
 * Calls per second over loopback HTTP with 20 callers: the generated client over the pool's default
 * JAX-RS client against hand-written JAX-RS code over a pooled connector, both against LocalGraphQL.
 */
package dev.cognitosecured.benchmarks.loopback;
