package com.example.board;

import java.util.List;

public record Board(List<Item> todos, List<Item> users) {

    public record Item(String id) {
    }

    public record Stats(int open, int closed) {
    }
}
