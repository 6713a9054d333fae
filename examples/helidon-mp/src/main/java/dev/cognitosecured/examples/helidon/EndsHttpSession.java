package dev.cognitosecured.examples.helidon;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource method: the HTTP session the request belongs to ends once the method has returned, its beans
 * (the {@code SignIn} and the session store among them) destroyed and its cookie expired ({@link HttpSessionFilter}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EndsHttpSession {
}
