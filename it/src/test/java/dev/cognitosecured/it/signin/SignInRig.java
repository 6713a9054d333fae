package dev.cognitosecured.it.signin;

import dev.cognitosecured.runtime.internal.cognito.CognitoIdentityProvider;
import dev.cognitosecured.runtime.internal.cognito.CognitoSignIn;
import dev.cognitosecured.runtime.internal.config.PoolConfig;
import dev.cognitosecured.runtime.internal.signin.ChallengeSlot;
import dev.cognitosecured.runtime.internal.store.DefaultSessionStore;
import dev.cognitosecured.runtime.spi.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The runtime's real sign-in parts for one pool, as the CDI extension wires them: the identity provider
 * on the AWS SDK, a session store on the given ticker (no prefetch), and the sign-in flow over both, with
 * its challenge slot on the same ticker.
 * Closing it closes the provider's SDK client; closing it again does nothing.
 */
final class SignInRig implements AutoCloseable {

    final PoolConfig config;
    final CognitoIdentityProvider provider;
    final DefaultSessionStore store;
    final CognitoSignIn signIn;
    final List<Object> events = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    SignInRig(PoolConfig config, CognitoIdentityProvider provider, Ticker ticker) {
        this.config = config;
        this.provider = provider;
        this.store = new DefaultSessionStore(config.name(), provider, ticker, Duration.ZERO, events::add);
        this.signIn = new CognitoSignIn(store, new ChallengeSlot(config.name(), ticker, config.challengeValidity()),
                provider, config.userPoolId(), store.devices(), CognitoSignIn.DEFAULT_DEVICE_NAME);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            provider.close();
        }
    }
}
