package dev.cognitosecured.it.readme;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;
import java.util.concurrent.Flow;

@CognitoSecured(refreshSkew = "30s")
public interface TodoEvents {

    @GraphQL("subscription OnAdd { onAddTodo { id title done } }")
    Flow.Publisher<Todo> onAddTodo();          // java.util.concurrent.Flow: no extra dependency

    @GraphQL("subscription OnDone($id: ID!) { onUpdateTodo(id: $id) { id title done } }")
    Flow.Publisher<Todo> onUpdateTodo(@Var("id") String id);
}
