package dev.cognitosecured.examples.jakarta;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import java.util.List;

/**
 * The GraphQL API the application calls for its users; the annotation processor generates {@code
 * TodoApi_CognitoClient}, a bean that sends each call with the access token of the HTTP session it is made in
 * ({@code cognito-secured.session-scope=session}).
 */
@CognitoSecured(refreshSkew = "30s", retryOnUnauthorized = 1)
public interface TodoApi {

    @GraphQL("query ListTodos { listTodos { id title done } }")
    List<Todo> listTodos();
}
