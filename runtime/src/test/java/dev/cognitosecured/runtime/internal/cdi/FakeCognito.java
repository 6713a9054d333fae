package dev.cognitosecured.runtime.internal.cdi;

import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.spi.IdentityProvider;
import dev.cognitosecured.runtime.spi.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replaces Cognito for every pool ({@code @Default}): signs in any user whose password is
 * {@code right}, issuing one-hour tokens named {@code access-<user>-<n>}, {@code n} counting every
 * token it issued.
 */
@ApplicationScoped
public class FakeCognito implements IdentityProvider {

    static final Duration LIFETIME = Duration.ofHours(1);

    private final AtomicInteger issued = new AtomicInteger();

    @Override
    public CompletionStage<Tokens> signIn(String username, char[] password) {
        if (!Arrays.equals(password, "right".toCharArray())) {
            return CompletableFuture.failedFuture(new WrongAnswerException("Incorrect user name or password.", false, null));
        }
        return CompletableFuture.completedFuture(issue(username, true));
    }

    @Override
    public CompletionStage<Tokens> refresh(Tokens current) {
        return CompletableFuture.completedFuture(issue(current.username(), false));
    }

    @Override
    public CompletionStage<Void> revoke(Tokens current) {
        return CompletableFuture.completedFuture(null);
    }

    private Tokens issue(String username, boolean withRefreshToken) {
        int n = issued.incrementAndGet();
        return Tokens.of("access-" + username + "-" + n, "id-" + username + "-" + n,
                withRefreshToken ? Optional.of("refresh-" + username) : Optional.empty(), LIFETIME, username);
    }
}
