package dev.cognitosecured.it.demo;

/**
 * A to-do item, as the GraphQL API returns it.
 *
 * @param id its id
 * @param title what to do
 * @param done whether it is done
 */
public record Todo(String id, String title, boolean done) {
}
