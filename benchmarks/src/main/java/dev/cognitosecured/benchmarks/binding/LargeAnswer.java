package dev.cognitosecured.benchmarks.binding;

import dev.cognitosecured.benchmarks.api.Todo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code listTodos} answer of about a megabyte, {@code {"data":{"listTodos":[{"id":...,"title":...,
 * "done":...}, ...]}}}, and the to-dos it holds, to check that every side bound the same.
 */
final class LargeAnswer {

    /** How many to-dos make about a megabyte (each is about 90 bytes of JSON). */
    static final int TODOS = 11_000;

    final String body;
    final List<Todo> todos;

    private LargeAnswer(String body, List<Todo> todos) {
        this.body = body;
        this.todos = todos;
    }

    static LargeAnswer build() {
        List<Todo> todos = new ArrayList<>(TODOS);
        StringBuilder json = new StringBuilder(TODOS * 96).append("{\"data\":{\"listTodos\":[");
        for (int i = 0; i < TODOS; i++) {
            Todo todo = new Todo(String.format(Locale.ROOT, "todo-%06d", i),
                    "Buy milk, bread and \"good\" coffee for the week, number " + i, i % 3 == 0);
            todos.add(todo);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"id\":\"").append(todo.id())
                    .append("\",\"title\":\"").append(todo.title().replace("\"", "\\\""))
                    .append("\",\"done\":").append(todo.done()).append('}');
        }
        return new LargeAnswer(json.append("]}}").toString(), List.copyOf(todos));
    }
}
