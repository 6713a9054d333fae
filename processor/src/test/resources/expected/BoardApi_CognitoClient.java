package com.example.board;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.runtime.client.CallPolicy;
import dev.cognitosecured.runtime.client.Operation;
import dev.cognitosecured.runtime.client.SecuredCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.GenericType;
import java.util.List;
import javax.annotation.processing.Generated;

@Generated("dev.cognitosecured.processor.CognitoSecuredProcessor")
@ApplicationScoped
public class BoardApi_CognitoClient implements BoardApi {
    private static final CallPolicy POLICY = CallPolicy.of(CognitoSecured.TokenKind.ACCESS, 500L, 2);

    private static final Operation<Board> BOARD = Operation.of("BoardApi.board",
            "query Board { todos: listTodos { id } users: listUsers { id } } query Stats { stats { open closed } }",
            "Board", null,
            List.of(), new GenericType<Board>(Board.class), POLICY);

    private static final Operation<Board.Stats> STATS = Operation.of("BoardApi.stats",
            "query Board { todos: listTodos { id } users: listUsers { id } } query Stats { stats { open closed } }",
            "Stats", "stats",
            List.of(), new GenericType<Board.Stats>(Board.Stats.class), POLICY);

    private static final Operation<Board.Stats> STATS_2 = Operation.of("BoardApi.stats",
            "query Stats($since: String!) { stats(since: $since) { open closed } }", null, "stats",
            List.of("since"), new GenericType<Board.Stats>(Board.Stats.class), POLICY);

    private static final Operation<Board.Item> FIND = Operation.of("BoardApi.find",
            "query Find($id: ID!) { item(id: $id) { id } }", null, "item",
            List.of("id"), new GenericType<Board.Item>(Board.Item.class), POLICY);

    private final SecuredCaller caller;

    /** For CDI's client proxy only. */
    protected BoardApi_CognitoClient() {
        this.caller = null;
    }

    @Inject
    public BoardApi_CognitoClient(@AuthFlow("default") SecuredCaller caller) {
        this.caller = caller;
    }

    @Override
    public Board board() {
        return caller.call(BOARD);
    }

    @Override
    public Board.Stats stats() {
        return caller.call(STATS);
    }

    @Override
    public Board.Stats stats(String since) {
        return caller.call(STATS_2, since);
    }

    @Override
    public Board.Item find(String id) {
        return caller.call(FIND, id);
    }
}
