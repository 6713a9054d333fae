package dev.cognitosecured.runtime.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.client.CallPolicy;
import dev.cognitosecured.runtime.client.SecuredCaller;
import dev.cognitosecured.runtime.internal.cognito.CognitoIdentityProvider;
import dev.cognitosecured.runtime.internal.graphql.JaxRsGraphQLTransport;
import dev.cognitosecured.runtime.client.Operation;
import dev.cognitosecured.runtime.spi.GraphQLOperation;
import dev.cognitosecured.runtime.spi.GraphQLTransport;
import dev.cognitosecured.runtime.spi.IdentityProvider;
import dev.cognitosecured.runtime.spi.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Without replacement beans a pool gets the default parts: the JAX-RS transport, here talking HTTP
 * to a server on loopback, and the Cognito identity provider on the AWS SDK. The parts the
 * extension made are closed when the container shuts down. (How the parts serve generated clients,
 * scopes, events and deployment errors is tested in the it module, with the annotation processor.)
 */
class DefaultPartsTest {

    private static final Operation<String> TITLE = Operation.query("TodoApi.title",
                    "query Title($id: ID!) { todo(id: $id) { title } }")
            .rootField("todo").variables("id")
            .policy(CallPolicy.accessToken().refreshSkew(Duration.ZERO).replays(0))
            .returning(String.class);

    @RegisterExtension
    final DefaultPoolOnLoopback defaultPool =
            new DefaultPoolOnLoopback(Map.of("cognito-secured.authorization-prefix", "Bearer "));

    @Test
    void theDefaultTransportSendsTheTokenOverHttpAndIsClosedAtShutdown() {
        GraphQLTransport transport;
        try (WeldContainer container = defaultPool.boot(AnyPasswordCognito.class)) {
            container.select(SignIn.class, AuthFlow.Literal.of("default")).get().start("alice", "right".toCharArray());

            assertEquals("Buy milk", container.select(TodoCaller.class).get().title("1"));
            assertEquals(List.of("Bearer access-alice"), defaultPool.authorizations());

            transport = container.select(PoolRuntime.class, AuthFlow.Literal.of("default")).get().transport();
            assertInstanceOf(JaxRsGraphQLTransport.class, transport);
        }

        assertThrows(IllegalStateException.class, () -> transport.execute(TITLE, Map.of("id", "1"), "token"));
        assertEquals(1, defaultPool.authorizations().size());
    }

    @Test
    void withoutAReplacementTheIdentityProviderIsCognitos() {
        try (WeldContainer container = defaultPool.boot(NoTransport.class)) {
            PoolRuntime runtime = container.select(PoolRuntime.class, AuthFlow.Literal.of("default")).get();

            assertInstanceOf(CognitoIdentityProvider.class, runtime.identityProvider());
            assertInstanceOf(NoTransport.class, runtime.transport());
        }
    }

    /** The application bean: sends an operation with the default pool's caller, as a generated client does. */
    @Dependent
    static class TodoCaller {

        @Inject
        @AuthFlow
        SecuredCaller caller;

        String title(String id) {
            return caller.call(TITLE, id);
        }
    }

    /** Replaces Cognito: signs in any user, issuing one-hour tokens named {@code access-<user>}. */
    @ApplicationScoped
    static class AnyPasswordCognito implements IdentityProvider {

        @Override
        public CompletionStage<Tokens> signIn(String username, char[] password) {
            return CompletableFuture.completedFuture(Tokens.of("access-" + username, "id-" + username,
                    Optional.of("refresh-" + username), Duration.ofHours(1), username));
        }

        @Override
        public CompletionStage<Tokens> refresh(Tokens current) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("no refresh in this test"));
        }

        @Override
        public CompletionStage<Void> revoke(Tokens current) {
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Replaces the transport: the test only checks that it is the one the pool uses. */
    @ApplicationScoped
    static class NoTransport implements GraphQLTransport {

        @Override
        public <T> T execute(GraphQLOperation<T> operation, Map<String, Object> variables, String token) {
            throw new UnsupportedOperationException("no GraphQL in this test");
        }

        @Override
        public <T> CompletionStage<T> executeAsync(GraphQLOperation<T> operation, Map<String, Object> variables,
                String token) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("no GraphQL in this test"));
        }
    }
}
