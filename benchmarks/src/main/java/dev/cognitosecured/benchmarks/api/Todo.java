package dev.cognitosecured.benchmarks.api;

/** The result of {@link TodoApi#getTodo}. */
public record Todo(String id, String title, boolean done) {
}
