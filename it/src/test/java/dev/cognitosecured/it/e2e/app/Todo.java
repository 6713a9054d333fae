package dev.cognitosecured.it.e2e.app;

/**
 * A to-do item, as the GraphQL API returns it.
 *
 * @param id its id
 * @param title what to do
 * @param done whether it is done
 * @param owner the user name of whoever asked for it, as the API read it from the token
 */
public record Todo(String id, String title, boolean done, String owner) {
}
