package dev.cognitosecured.runtime.internal.cdi;

import jakarta.enterprise.util.AnnotationLiteral;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the copy of a generated client that the extension added from the client index, telling it
 * apart from a copy that bean discovery found (containers need not report added types as
 * synthetic). It has no meaning to the container.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface FromClientIndex {

    /** The instance added to the client's annotated type. */
    final class Literal extends AnnotationLiteral<FromClientIndex> implements FromClientIndex {
        private static final long serialVersionUID = 1L;

        static final Literal INSTANCE = new Literal();

        private Literal() {
        }
    }
}
