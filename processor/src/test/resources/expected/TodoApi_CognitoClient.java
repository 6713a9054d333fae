package com.example.todo;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.runtime.client.CallPolicy;
import dev.cognitosecured.runtime.client.Operation;
import dev.cognitosecured.runtime.client.SecuredCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.GenericType;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import javax.annotation.processing.Generated;

@Generated("dev.cognitosecured.processor.CognitoSecuredProcessor")
@ApplicationScoped
public class TodoApi_CognitoClient implements TodoApi {
    private static final CallPolicy POLICY = CallPolicy.of(CognitoSecured.TokenKind.ACCESS, 30000L, 1);

    private static final Operation<Todo> GET_TODO = Operation.of("TodoApi.getTodo",
            "query Get($id: ID!) { getTodo(id: $id) { id title done } }", null, "getTodo",
            List.of("id"), new GenericType<Todo>(Todo.class), POLICY);

    private static final Operation<List<Todo>> LIST_TODOS = Operation.of("TodoApi.listTodos",
            "query List { listTodos { id title done } }", null, "listTodos",
            List.of(), new GenericType<List<Todo>>() {}, POLICY);

    private static final Operation<Todo> FIND_TODO = Operation.of("TodoApi.findTodo",
            "query Find($title: String!) { findTodo(title: $title) { id title done } }", null, "findTodo",
            List.of("title"), new GenericType<Todo>(Todo.class), POLICY);

    private static final Operation<Void> DELETE_TODO = Operation.of("TodoApi.deleteTodo",
            "mutation Delete($id: ID!) { deleteTodo(id: $id) }", null, "deleteTodo",
            List.of("id"), new GenericType<Void>(Void.class), POLICY);

    private static final Operation<Todo> ADD_TODO = Operation.of("TodoApi.addTodo",
            "mutation Add($title: String!, $done: Boolean!) { addTodo(done: $done, title: $title) { id title done } }",
            null, "addTodo",
            List.of("title", "done"), new GenericType<Todo>(Todo.class), POLICY);

    private static final Operation<Integer> COUNT_TODOS = Operation.of("TodoApi.countTodos",
            "query Count { count: todoCount }", null, "count",
            List.of(), new GenericType<Integer>(Integer.class), POLICY);

    private final SecuredCaller caller;

    /** For CDI's client proxy only. */
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
}
