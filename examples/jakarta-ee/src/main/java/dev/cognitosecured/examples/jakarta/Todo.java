package dev.cognitosecured.examples.jakarta;

/**
 * A to-do item, as the GraphQL API returns it and as {@code GET /todos} answers it.
 *
 * @param id its id
 * @param title what to do
 * @param done whether it is done
 */
public record Todo(String id, String title, boolean done) {
}
