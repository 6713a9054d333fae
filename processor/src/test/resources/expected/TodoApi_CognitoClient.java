package com.example.todo;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.client.CallPolicy;
import dev.cognitosecured.runtime.client.Operation;
import dev.cognitosecured.runtime.client.SecuredCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.GenericType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import javax.annotation.processing.Generated;

@Generated("dev.cognitosecured.processor.CognitoSecuredProcessor")
@ApplicationScoped
public class TodoApi_CognitoClient implements TodoApi {
    private static final CallPolicy POLICY = CallPolicy.accessToken()
            .refreshSkew(Duration.ofSeconds(30))
            .replays(1);

    private static final Operation<Todo> GET_TODO = Operation.query("TodoApi.getTodo",
            "query Get($id: ID!) { getTodo(id: $id) { id title done } }")
            .rootField("getTodo")
            .variables("id")
            .policy(POLICY)
            .returning(Todo.class);

    private static final Operation<List<Todo>> LIST_TODOS = Operation.query("TodoApi.listTodos",
            "query List { listTodos { id title done } }")
            .rootField("listTodos")
            .policy(POLICY)
            .returning(new GenericType<List<Todo>>() {});

    private static final Operation<Todo> FIND_TODO = Operation.query("TodoApi.findTodo",
            "query Find($title: String!) { findTodo(title: $title) { id title done } }")
            .rootField("findTodo")
            .variables("title")
            .policy(POLICY)
            .returning(Todo.class);

    private static final Operation<Void> DELETE_TODO = Operation.mutation("TodoApi.deleteTodo",
            "mutation Delete($id: ID!) { deleteTodo(id: $id) }")
            .rootField("deleteTodo")
            .variables("id")
            .policy(POLICY)
            .returningNothing();

    private static final Operation<Todo> ADD_TODO = Operation.mutation("TodoApi.addTodo",
            "mutation Add($title: String!, $done: Boolean!) { addTodo(done: $done, title: $title) { id title done } }")
            .rootField("addTodo")
            .variables("title", "done")
            .policy(POLICY)
            .returning(Todo.class);

    private static final Operation<Integer> COUNT_TODOS = Operation.query("TodoApi.countTodos",
            "query Count { count: todoCount }")
            .rootField("count")
            .policy(POLICY)
            .returning(int.class);

    private static final Operation<Todo> ON_ADD_TODO = Operation.subscription("TodoApi.onAddTodo",
            "subscription OnAdd($done: Boolean) { onAddTodo(done: $done) { id title done } }")
            .rootField("onAddTodo")
            .variables("done")
            .policy(POLICY)
            .returning(Todo.class);

    private final SecuredCaller caller;

    /**
     * For CDI's client proxy only.
     */
    protected TodoApi_CognitoClient() {
        this.caller = null;
    }

    @Inject
    public TodoApi_CognitoClient(@AuthFlow("default") SecuredCaller caller) {
        this.caller = caller;
    }

    @Override
    public Todo getTodo(String id) {
        return caller.call(GET_TODO, id);
    }

    @Override
    public List<Todo> listTodos() {
        return caller.call(LIST_TODOS);
    }

    @Override
    public Optional<Todo> findTodo(String title) {
        return Optional.ofNullable(caller.call(FIND_TODO, title));
    }

    @Override
    public void deleteTodo(String id) {
        caller.call(DELETE_TODO, id);
    }

    @Override
    public CompletionStage<Todo> addTodo(String title, boolean done) {
        return caller.callAsync(ADD_TODO, title, done);
    }

    @Override
    public int countTodos() {
        return caller.call(COUNT_TODOS);
    }

    @Override
    public Flow.Publisher<Todo> onAddTodo(Boolean done) {
        return caller.subscribe(ON_ADD_TODO, done);
    }
}
