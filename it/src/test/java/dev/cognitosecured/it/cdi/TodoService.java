package dev.cognitosecured.it.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An application bean that uses the generated client of the default pool. */
@ApplicationScoped
public class TodoService {

    @Inject
    TodoApi todos;

    public String title(String id) {
        return todos.title(id);
    }
}
