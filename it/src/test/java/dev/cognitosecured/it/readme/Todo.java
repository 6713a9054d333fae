package dev.cognitosecured.it.readme;

public record Todo(String id, String title, boolean done) {}
