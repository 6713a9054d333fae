package dev.cognitosecured.runtime.spi;

import dev.cognitosecured.runtime.GraphQLErrorsException;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.UnauthorizedException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Sends one GraphQL operation over HTTP and binds its result. The default implementation uses the
 * JAX-RS client API and JSON-B.
 *
 * <p>A call reaches the transport in two parts, so that it costs no object of its own: the
 * operation's constant description ({@link GraphQLOperation}, one per client method) and the call's
 * variables and token.
 *
 * <p>Outcomes: the bound result ({@code data.<rootField>} when the operation names a root field,
 * else {@code data}); {@link UnauthorizedException} for an HTTP 401 (the only answer after which
 * the caller refreshes and replays); {@link GraphQLErrorsException} for a response with
 * {@code errors}; {@link TransportException} for anything that is not a GraphQL response;
 * {@link dev.cognitosecured.runtime.CallTimeoutException} when connecting or waiting for the answer
 * took longer than the transport allows (the default: {@code graphql.connect-timeout},
 * {@code graphql.timeout}). The token never appears in a message.
 */
public interface GraphQLTransport {

    /**
     * Sends the operation and waits for its result.
     *
     * @param operation what to send and how to bind the result
     * @param variables the operation's variables by name (values may be {@code null})
     * @param token the raw JWT; the transport decides how it goes into the {@code Authorization}
     *     header (AppSync wants it as it is, other servers after {@code "Bearer "})
     * @param <T> the result type the operation binds
     * @return the bound result ({@code null} for an operation that binds nothing)
     * @throws dev.cognitosecured.runtime.CognitoSecuredException what went wrong: an HTTP 401 as
     *     {@link dev.cognitosecured.runtime.UnauthorizedException}, GraphQL errors as
     *     {@link dev.cognitosecured.runtime.GraphQLErrorsException}, anything else as
     *     {@link dev.cognitosecured.runtime.TransportException}
     */
    <T> T execute(GraphQLOperation<T> operation, Map<String, Object> variables, String token);

    /**
     * As {@link #execute(GraphQLOperation, Map, String)}, waiting at most {@code maxWait} (what is left of
     * the call's {@code graphql.call-timeout}) for the answer: a transport that can bound the attempt
     * throws {@link dev.cognitosecured.runtime.CallTimeoutException} when {@code maxWait} passes. The
     * default ignores {@code maxWait}: a transport that does not override this bounds its attempts
     * itself, or not at all.
     *
     * @param <T> the result type the operation binds
     * @param operation what to send and how to bind the result
     * @param variables the operation's variables by name (values may be {@code null})
     * @param token the raw JWT, as for {@link #execute(GraphQLOperation, Map, String)}
     * @param maxWait the longest the attempt may take, on the real time
     * @return the bound result ({@code null} for an operation that binds nothing)
     */
    default <T> T execute(GraphQLOperation<T> operation, Map<String, Object> variables, String token,
            Duration maxWait) {
        return execute(operation, variables, token);
    }

    /**
     * As {@link #execute}, without blocking the calling thread; failures complete the stage.
     *
     * @param <T> the result type the operation binds
     * @param operation the operation to run
     * @param variables its variables, by name (a value may be {@code null})
     * @param token what goes into the {@code Authorization} header, prefix included
     * @return a stage completing with the bound result, or with the exception {@link #execute} would throw
     */
    <T> CompletionStage<T> executeAsync(GraphQLOperation<T> operation, Map<String, Object> variables, String token);
}
