package com.example.board;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.client.CallPolicy;
import dev.cognitosecured.runtime.client.Operation;
import dev.cognitosecured.runtime.client.SecuredCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.annotation.processing.Generated;

@Generated("dev.cognitosecured.processor.CognitoSecuredProcessor")
@ApplicationScoped
public class BoardApi_CognitoClient implements BoardApi {
    private static final CallPolicy POLICY = CallPolicy.accessToken()
            .refreshSkew(Duration.ofMillis(500))
            .replays(2);

    private static final Operation<Board> BOARD = Operation.query("BoardApi.board",
            "query Board { todos: listTodos { id } users: listUsers { id } } query Stats { stats { open closed } }")
            .operationName("Board")
            .policy(POLICY)
            .returning(Board.class);

    private static final Operation<Board.Stats> STATS = Operation.query("BoardApi.stats",
            "query Board { todos: listTodos { id } users: listUsers { id } } query Stats { stats { open closed } }")
            .operationName("Stats")
            .rootField("stats")
            .policy(POLICY)
            .returning(Board.Stats.class);

    private static final Operation<Board.Stats> STATS_2 = Operation.query("BoardApi.stats",
            "query Stats($since: String!) { stats(since: $since) { open closed } }")
            .rootField("stats")
            .variables("since")
            .policy(POLICY)
            .returning(Board.Stats.class);

    private static final Operation<Board.Item> FIND = Operation.query("BoardApi.find",
            "query Find($id: ID!) { item(id: $id) { id } }")
            .rootField("item")
            .variables("id")
            .policy(POLICY)
            .returning(Board.Item.class);

    private final SecuredCaller caller;

    /**
     * For CDI's client proxy only.
     */
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
