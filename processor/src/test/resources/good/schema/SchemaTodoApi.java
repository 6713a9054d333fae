package com.example.schema;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Every kind of document and parameter the schema check accepts. */
@CognitoSecured(schema = "schema/todo.graphqls")
public interface SchemaTodoApi {

    record Owner(String name, String email) {
    }

    record Todo(String id, String title, boolean done, Status status, String due, Owner owner) {
    }

    record Summary(String id, String title) {
    }

    record AddTodoInput(String title, String due, Status status, List<String> tags) {
    }

    enum Status { OPEN, DONE }

    @GraphQL("query Get($id: ID!) { getTodo(id: $id) { id title done status due owner { name email } } }")
    Optional<Todo> getTodo(@Var("id") String id);

    @GraphQL("query ByNumber($id: ID!) { getTodo(id: $id) { id title } }")
    Summary byNumber(@Var("id") long id);

    @GraphQL("query List($limit: Int, $status: Status, $after: AWSDateTime) {"
            + " listTodos(limit: $limit, status: $status, after: $after) { ...summary } }"
            + " fragment summary on Todo { id title }")
    List<Summary> listTodos(@Var("limit") Integer limit, @Var("status") Status status, @Var("after") String after);

    @GraphQL("query Count($done: Boolean) { countTodos(done: $done) }")
    int countTodos(@Var("done") boolean done);

    @GraphQL("query Tags($tags: [String!]!) { findByTag(tags: $tags) { __typename ... on Todo { id title } } }")
    CompletionStage<List<Summary>> findByTag(@Var("tags") List<String> tags);

    @GraphQL("mutation Add($input: AddTodoInput!) { addTodo(input: $input) { id title } }")
    Summary addTodo(@Var("input") AddTodoInput input);

    @GraphQL("mutation Weigh($id: ID!, $weight: Float!) { weigh(id: $id, weight: $weight) { id renamed: title } }")
    void weigh(@Var("id") String id, @Var("weight") double weight);

    @GraphQL("subscription OnAdd { onAddTodo { id title } }")
    Flow.Publisher<Summary> onAddTodo();

    @GraphQL("query Both($id: ID!) { getTodo(id: $id) { id } countTodos }")
    Object both(@Var("id") String id);
}
