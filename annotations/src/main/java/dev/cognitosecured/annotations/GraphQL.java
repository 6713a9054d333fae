package dev.cognitosecured.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The GraphQL operation a method of a {@link CognitoSecured} interface sends.
 *
 * <p>Give the document inline, or name a class-path resource read at compile time:
 *
 * <pre>{@code
 * @GraphQL("query Get($id: ID!) { getTodo(id: $id) { id title } }")
 * Todo getTodo(@Var("id") String id);
 *
 * @GraphQL(resource = "graphql/listTodos.graphql")
 * List<Todo> listTodos();
 * }</pre>
 *
 * <p>The document is parsed and checked at compile time: each of its variables must be bound to
 * one parameter with {@link Var}, and each parameter to one variable. The method may return
 * {@code T}, {@code List<T>}, {@code Optional<T>}, {@code void} or {@code CompletionStage<T>}.
 * When the operation selects a single root field, the result is that field of {@code data};
 * otherwise it is {@code data} as a whole.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface GraphQL {

    /**
     * The GraphQL document, inline. Leave empty when {@link #resource()} is given.
     *
     * @return the document, or empty
     */
    String value() default "";

    /**
     * A resource holding the document, read at compile time from the source or class path, e.g.
     * {@code "graphql/getTodo.graphql"}. Leave empty when {@link #value()} is given.
     *
     * @return the resource's name, or empty
     */
    String resource() default "";

    /**
     * The operation to run when the document holds several; may be left empty when it holds one.
     *
     * @return the operation's name, or empty
     */
    String operationName() default "";
}
