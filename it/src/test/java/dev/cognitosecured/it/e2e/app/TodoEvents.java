package dev.cognitosecured.it.e2e.app;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import java.util.concurrent.Flow;

/**
 * The to-do API's events, checked at compile time against the schema LocalGraphQL serves: every
 * connection and {@code start} is sent with a token valid for at least 2 seconds more.
 */
@CognitoSecured(refreshSkew = "2s", schema = "e2e/todo.graphqls")
public interface TodoEvents {

    @GraphQL("subscription OnAdd { onAddTodo { id title done owner } }")
    Flow.Publisher<Todo> onAddTodo();
}
