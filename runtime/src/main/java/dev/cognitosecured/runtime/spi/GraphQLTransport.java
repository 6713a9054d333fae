package dev.cognitosecured.runtime.spi;

import dev.cognitosecured.runtime.GraphQLErrorsException;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.UnauthorizedException;
import dev.cognitosecured.runtime.client.Operation;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Sends one GraphQL operation over HTTP and binds its result. The default implementation uses the
 * JAX-RS client API and JSON-B.
 *
 * <p>Outcomes: the bound result ({@code data.<rootField>} when the operation names a root field,
 * else {@code data}); {@link UnauthorizedException} for an HTTP 401 (the only answer after which
 * the caller refreshes and replays); {@link GraphQLErrorsException} for a response with
 * {@code errors}; {@link TransportException} for anything that is not a GraphQL response.
 */
public interface GraphQLTransport {

    /**
     * Sends the operation and waits for its result.
     *
     * @param operation what to send and how to bind the result
     * @param variables the operation's variables by name (values may be {@code null})
     * @param token the raw JWT to send in the {@code Authorization} header
     */
    <T> T execute(Operation<T> operation, Map<String, Object> variables, String token);

    /** As {@link #execute}, without blocking the calling thread; failures complete the stage. */
    <T> CompletionStage<T> executeAsync(Operation<T> operation, Map<String, Object> variables, String token);
}
