package dev.cognitosecured.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an interface whose {@link GraphQL} methods are called with the tokens of an Amazon
 * Cognito user pool.
 *
 * <p>The annotation processor generates, in the same package, a class named after the interface
 * with {@code _CognitoClient} appended (nested names joined by {@code _}, e.g.
 * {@code Outer_TodoApi_CognitoClient}). It is an {@code @ApplicationScoped} CDI bean that
 * implements the interface, so {@code @Inject TodoApi todos} just works; no {@code beans.xml} is
 * needed for it.
 *
 * <pre>{@code
 * @CognitoSecured(refreshSkew = "30s", retryOnUnauthorized = 1)
 * public interface TodoApi {
 *     @GraphQL("query Get($id: ID!) { getTodo(id: $id) { id title } }")
 *     Todo getTodo(@Var("id") String id);
 * }
 * }</pre>
 *
 * <p>Every call is sent with a token that stays valid for at least {@link #refreshSkew()}: if the
 * current token would expire sooner, the call waits for the one refresh that all concurrent
 * callers share. If the server still answers HTTP 401, the tokens are refreshed (only if no other
 * caller already did) and the call is replayed up to {@link #retryOnUnauthorized()} times.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CognitoSecured {

    /**
     * The least time a token must stay valid for a call to be sent with it. Written as
     * {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} or as an ISO-8601 duration such as
     * {@code PT30S}; checked at compile time.
     *
     * @return the least validity left, {@code 30s} unless given
     */
    String refreshSkew() default "30s";

    /**
     * How many times a call that the server rejected with HTTP 401 is replayed after a refresh,
     * from 0 to 5. An HTTP 200 answer carrying an authorization error is a permission denial and
     * is never replayed.
     *
     * @return the number of replays after an HTTP 401, 1 unless given
     */
    int retryOnUnauthorized() default 1;

    /**
     * The name of the configured user pool whose tokens are used: {@code "default"} reads the keys
     * {@code cognito-secured.*}, any other name reads {@code cognito-secured.pools.<name>.*}.
     *
     * @return the pool's name
     */
    String pool() default "default";

    /** {@return which of the user's tokens is sent in the {@code Authorization} header} */
    TokenKind token() default TokenKind.ACCESS;

    /**
     * A GraphQL schema (SDL) that every document of the interface is checked against while
     * compiling, named as a resource, e.g. {@code "graphql/schema.graphqls"} for
     * {@code src/main/resources/graphql/schema.graphqls}. Unknown fields and arguments, variables
     * whose type does not fit their parameter's Java type, and record components the selection
     * does not provide are compile errors. AppSync's scalars ({@code AWSDateTime}, ...) and
     * directives ({@code @aws_cognito_user_pools}, ...) need not be declared. Empty (the default):
     * the schema given to the processor with {@code -Acognito.schema=<file>}, if any, else none.
     *
     * @return the schema's resource name, or empty
     */
    String schema() default "";

    /** The Cognito token sent with each call. */
    enum TokenKind {
        /** The access token ({@code token_use = access}); what AppSync and most APIs expect. */
        ACCESS,
        /** The ID token ({@code token_use = id}), for APIs that authorise on its claims. */
        ID
    }
}
