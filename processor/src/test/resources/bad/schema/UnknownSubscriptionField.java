package com.example.schema;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import java.util.concurrent.Flow;

@CognitoSecured(schema = "schema/todo.graphqls")
public interface UnknownSubscriptionField {

    record Todo(String id, String title) {
    }

    @GraphQL("subscription OnAdd { onAddTodos { id title } }")
    Flow.Publisher<Todo> added();
}
