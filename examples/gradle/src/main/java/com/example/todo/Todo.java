package com.example.todo;

/** A to-do item, as the GraphQL API returns it. */
public record Todo(String id, String title, boolean done) {
}
