package dev.cognitosecured.runtime.spi;

import java.lang.reflect.Type;
import java.util.Optional;

/**
 * What a {@link GraphQLTransport} needs to know of the operation it sends, besides the call's
 * variables and token: the constant part of a call, the same for every call of one client method
 * (a generated client holds one per method, so describing a call allocates nothing).
 *
 * <p>The result type is a {@link Type} of the JDK, not a type of an HTTP or JSON library, so that a
 * transport on any HTTP client and any JSON binding can implement the SPI; it is what JSON-B's
 * {@code fromJson(String, Type)} takes, a {@link Class} for a plain type and a
 * {@link java.lang.reflect.ParameterizedType} for one such as {@code List<Todo>}.
 *
 * @param <T> the bound result ({@link Void} when nothing is bound)
 */
public interface GraphQLOperation<T> {

    /** {@return what error messages call the operation, e.g. {@code TodoApi.getTodo}} */
    String name();

    /**
     * Whether the document's operation is a query or a mutation (both are POSTed by the default transport),
     * or a subscription (sent over the pool's real-time WebSocket, never to a transport).
     *
     * @return the kind of the document's operation
     */
    Kind kind();

    /** {@return the GraphQL document, sent as {@code query}} */
    String document();

    /** {@return the operation to run, sent as {@code operationName}; empty when the document holds only one} */
    Optional<String> operationName();

    /** {@return the root field whose value is the result; empty when all of {@code data} is the result} */
    Optional<String> rootField();

    /**
     * The type the result binds to; {@code Void.class} when the method returns nothing and nothing is
     * bound; a primitive's class ({@code int.class}) when the method returns a primitive: the value binds
     * as its wrapper, and a transport answers {@code null} with a
     * {@link dev.cognitosecured.runtime.NullResultException}, never with {@code null}.
     *
     * @return the result type, possibly generic ({@code List<Todo>})
     */
    Type resultType();

    /** The kinds of operation a client sends (subscriptions are not sent over HTTP POST). */
    enum Kind {
        /** A {@code query}: reads. */
        QUERY,
        /** A {@code mutation}: changes. */
        MUTATION,
        /** A {@code subscription}: events as they happen, over AppSync's real-time WebSocket. */
        SUBSCRIPTION
    }
}
