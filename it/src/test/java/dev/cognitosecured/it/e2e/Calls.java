package dev.cognitosecured.it.e2e;

import dev.cognitosecured.it.e2e.app.Todo;
import dev.cognitosecured.it.e2e.app.TodoService;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;

/** The calls the workloads make: three reads for each write, at random. */
public final class Calls {

    private Calls() {
    }

    /** Reads a to-do, or (one time in four) adds one. */
    public static void readOrAdd(TodoService todos) {
        if (ThreadLocalRandom.current().nextInt(4) == 0) {
            todos.add("water the plants");
        } else {
            todos.todo("1");
        }
    }

    /** {@link #readOrAdd} through the {@code CompletionStage} methods. */
    public static CompletionStage<Todo> readOrAddLater(TodoService todos) {
        return ThreadLocalRandom.current().nextInt(4) == 0 ? todos.addLater("water the plants") : todos.todoLater("1");
    }
}
