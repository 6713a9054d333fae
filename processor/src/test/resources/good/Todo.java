package com.example.todo;

public record Todo(String id, String title, boolean done) {
}
