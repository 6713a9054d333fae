package dev.cognitosecured.runtime.internal.cdi;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.annotations.CognitoSecured.TokenKind;
import dev.cognitosecured.runtime.client.CallPolicy;
import dev.cognitosecured.runtime.client.Operation;
import dev.cognitosecured.runtime.client.SecuredCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.GenericType;
import java.util.List;

/**
 * Written by hand in the shape the annotation processor generates, and listed in the test class
 * path's client index ({@code META-INF/cognito-secured/clients/}).
 */
@ApplicationScoped
public class TodoApi_CognitoClient implements TodoApi {

    private static final Operation<String> TITLE = Operation.of("TodoApi.title",
            "query Title($id: ID!) { todo(id: $id) { title } }", null, "todo", List.of("id"),
            new GenericType<String>(String.class), CallPolicy.of(TokenKind.ACCESS, 30_000, 1));

    private final SecuredCaller caller;

    /** For the container's client proxy. */
    protected TodoApi_CognitoClient() {
        this.caller = null;
    }

    @Inject
    public TodoApi_CognitoClient(@AuthFlow("default") SecuredCaller caller) {
        this.caller = caller;
    }

    @Override
    public String title(String id) {
        return caller.call(TITLE, id);
    }
}
