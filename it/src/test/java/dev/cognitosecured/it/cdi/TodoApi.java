package dev.cognitosecured.it.cdi;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;
import java.util.concurrent.CompletionStage;

/** A client of the default pool; the annotation processor generates {@code TodoApi_CognitoClient}. */
@CognitoSecured(refreshSkew = "30s", retryOnUnauthorized = 1)
public interface TodoApi {

    @GraphQL("query Title($id: ID!) { todo(id: $id) { title } }")
    String title(@Var("id") String id);

    @GraphQL("mutation Rename($id: ID!, $title: String!) { rename(id: $id, title: $title) { title } }")
    CompletionStage<String> rename(@Var("id") String id, @Var("title") String title);
}
