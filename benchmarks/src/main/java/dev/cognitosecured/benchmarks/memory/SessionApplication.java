package dev.cognitosecured.benchmarks.memory;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.spi.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;

/**
 * The memory benchmark's application: it injects the default pool's store (session scoped by
 * configuration) and signs the current session in with tokens it is given.
 */
@ApplicationScoped
public class SessionApplication {

    @Inject
    @AuthFlow
    SessionStore store;

    /** Signs the current session's store in with {@code tokens}, as a sign-in through Cognito would. */
    public void signIn(Tokens tokens) {
        store.signIn(() -> CompletableFuture.completedFuture(tokens));
    }
}
