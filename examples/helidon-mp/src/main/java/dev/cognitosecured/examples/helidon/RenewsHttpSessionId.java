package dev.cognitosecured.examples.helidon;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource method: the HTTP session the request belongs to gets a new id once the method has returned, and
 * the old id leads nowhere ({@link HttpSessionFilter}). On the sign-in steps, so that a session id someone knew
 * before the user signed in (session fixation) is not the id of the signed-in session.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RenewsHttpSessionId {
}
