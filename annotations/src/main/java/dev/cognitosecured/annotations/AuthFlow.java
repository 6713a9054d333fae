package dev.cognitosecured.annotations;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * CDI qualifier selecting the sign-in flow (and session store) of one configured user pool.
 *
 * <pre>{@code
 * @Inject @AuthFlow SignIn signIn;                 // the "default" pool
 * @Inject @AuthFlow("partners") SignIn partners;   // cognito-secured.pools.partners.*
 * }</pre>
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface AuthFlow {

    /** {@return the pool's name, as in {@link CognitoSecured#pool()}} */
    String value() default "default";

    /** An instance of the qualifier, for programmatic lookup and synthetic beans. */
    final class Literal extends AnnotationLiteral<AuthFlow> implements AuthFlow {
        private static final long serialVersionUID = 1L;

        /** The pool's name. */
        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        /**
         * The qualifier for the pool of this name.
         *
         * @param pool the pool's name, {@code "default"} or a name under {@code cognito-secured.pools.}
         * @return the qualifier
         */
        public static Literal of(String pool) {
            return new Literal(pool);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
