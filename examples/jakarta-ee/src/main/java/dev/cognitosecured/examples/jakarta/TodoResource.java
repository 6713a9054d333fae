package dev.cognitosecured.examples.jakarta;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /todos}: the signed-in user's to-dos, read through the generated client. */
@Path("/todos")
@ApplicationScoped
public class TodoResource {

    private final TodoApi todos;

    @Inject
    TodoResource(TodoApi todos) {
        this.todos = todos;
    }

    /** For CDI's client proxy of this application-scoped bean. */
    protected TodoResource() {
        this.todos = null;
    }

    /** The to-dos, as the user of this HTTP session; 401 if nobody is signed in ({@link ErrorAnswers}). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Todo> list() {
        return todos.listTodos();
    }
}
