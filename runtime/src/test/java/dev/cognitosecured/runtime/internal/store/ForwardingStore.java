package dev.cognitosecured.runtime.internal.store;

import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A store of the application's own, not the library's: it forwards what {@link SessionStore} requires to
 * another store, keeps every default of the interface (such as {@link SessionStore#tokensAtHand}), and records
 * the sign-ins and ends asked of it.
 */
public final class ForwardingStore implements SessionStore {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final SessionStore delegate;

    /** A store that forwards to {@code delegate}. */
    public ForwardingStore(SessionStore delegate) {
        this.delegate = delegate;
    }

    /**
     * The sign-ins and ends asked of this store, in order: {@code signIn(request)},
     * {@code signIn(tokens, <age>)} and {@code end(<reason>)}.
     */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public String pool() {
        return delegate.pool();
    }

    @Override
    public boolean isSignedIn() {
        return delegate.isSignedIn();
    }

    @Override
    public Tokens tokens(Duration minValidity) {
        return delegate.tokens(minValidity);
    }

    @Override
    public CompletionStage<Tokens> tokensAsync(Duration minValidity) {
        return delegate.tokensAsync(minValidity);
    }

    @Override
    public Tokens refreshIfCurrent(Tokens rejected, Duration minValidity) {
        return delegate.refreshIfCurrent(rejected, minValidity);
    }

    @Override
    public CompletionStage<Tokens> refreshIfCurrentAsync(Tokens rejected, Duration minValidity) {
        return delegate.refreshIfCurrentAsync(rejected, minValidity);
    }

    @Override
    public Tokens signIn(Supplier<? extends CompletionStage<Tokens>> request) {
        calls.add("signIn(request)");
        return delegate.signIn(request);
    }

    @Override
    public Tokens signIn(Tokens tokens, Duration age) {
        calls.add("signIn(tokens, " + age + ")");
        return delegate.signIn(tokens, age);
    }

    @Override
    public Optional<Tokens> end(SessionEnded.Reason reason) {
        calls.add("end(" + reason + ")");
        return delegate.end(reason);
    }
}
