package dev.cognitosecured.runtime.internal.graphql;

/** A result type of the tests' operations. */
public record Todo(String id, String title, boolean done) {
}
