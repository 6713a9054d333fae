package dev.cognitosecured.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter of a {@link GraphQL} method to a variable of its document.
 *
 * <pre>{@code
 * @GraphQL("query Get($id: ID!) { getTodo(id: $id) { id title } }")
 * Todo getTodo(@Var("id") String id);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Var {

    /** {@return the variable's name as the document declares it, without the {@code $}} */
    String value();
}
