package com.example.board;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;

@CognitoSecured(refreshSkew = "500ms", retryOnUnauthorized = 2)
public interface BoardApi extends Lookup<Board.Item> {

    String BOARD = "query Board { todos: listTodos { id } users: listUsers { id } }"
            + " query Stats { stats { open closed } }";

    @GraphQL(value = BOARD, operationName = "Board")
    Board board();

    @GraphQL(value = BOARD, operationName = "Stats")
    Board.Stats stats();

    @GraphQL("query Stats($since: String!) { stats(since: $since) { open closed } }")
    Board.Stats stats(@Var("since") String since);
}
