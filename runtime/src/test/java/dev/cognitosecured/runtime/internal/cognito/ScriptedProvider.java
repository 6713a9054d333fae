package dev.cognitosecured.runtime.internal.cognito;

import dev.cognitosecured.runtime.FirstFactor;
import dev.cognitosecured.runtime.spi.Challenge;
import dev.cognitosecured.runtime.spi.ConfirmedDevice;
import dev.cognitosecured.runtime.spi.DeviceCredentials;
import dev.cognitosecured.runtime.spi.IdentityProvider;
import dev.cognitosecured.runtime.spi.SignInResponse;
import dev.cognitosecured.runtime.spi.SoftwareTokenAssociation;
import dev.cognitosecured.runtime.spi.Tokens;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An identity provider that answers each call with the next scripted outcome (a value, or a
 * {@link Throwable} to fail with), and records every call: which one, with which session and responses.
 */
final class ScriptedProvider implements IdentityProvider {

    /** One call: its kind ({@code start}, {@code respond}, {@code associate}, {@code verify}, {@code revoke}). */
    record Call(String kind, String challenge, String session, Map<String, String> responses) {}

    /** The outcome of a call that completes with nothing ({@link #revoke}). */
    static final Object NOTHING = new Object();

    private final Queue<Object> outcomes = new ConcurrentLinkedQueue<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile char[] passwordSeen;

    /** Adds outcomes for the next calls, in order: a value, {@link #NOTHING}, a failure, or the stage itself. */
    ScriptedProvider then(Object... next) {
        outcomes.addAll(List.of(next));
        return this;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The array the last {@link #startSignIn} was given, as it is now. */
    char[] passwordSeen() {
        return passwordSeen;
    }

    @Override
    public CompletionStage<SignInResponse> startSignIn(String username, char[] password) {
        passwordSeen = password;
        calls.add(new Call("start", null, null, Map.of("USERNAME", username, "PASSWORD", new String(password))));
        return next();
    }

    @Override
    public CompletionStage<SignInResponse> startSignIn(String username, char[] password, DeviceCredentials device) {
        passwordSeen = password;
        calls.add(new Call("start", null, null,
                Map.of("USERNAME", username, "PASSWORD", new String(password), "DEVICE_KEY", device.deviceKey())));
        return next();
    }

    @Override
    public CompletionStage<SignInResponse> startUserAuth(String username) {
        calls.add(new Call("startUserAuth", null, null, Map.of("USERNAME", username)));
        return next();
    }

    @Override
    public CompletionStage<SignInResponse> startUserAuth(String username, DeviceCredentials device) {
        calls.add(new Call("startUserAuth", null, null, Map.of("USERNAME", username, "DEVICE_KEY", device.deviceKey())));
        return next();
    }

    @Override
    public CompletionStage<SignInResponse> startUserAuth(String username, FirstFactor preferred, char[] password) {
        calls.add(new Call("startUserAuth", null, null, Map.of("USERNAME", username, "PREFERRED_CHALLENGE",
                preferred.name())));
        return next();
    }

    @Override
    public CompletionStage<SignInResponse> startUserAuth(String username, FirstFactor preferred, char[] password,
            DeviceCredentials device) {
        calls.add(new Call("startUserAuth", null, null, Map.of("USERNAME", username, "PREFERRED_CHALLENGE",
                preferred.name(), "DEVICE_KEY", device.deviceKey())));
        return next();
    }

    @Override
    public CompletionStage<SignInResponse> proveDevice(Challenge challenge, DeviceCredentials device) {
        calls.add(new Call("proveDevice", challenge.name(), challenge.session(), Map.of("DEVICE_KEY", device.deviceKey())));
        return next();
    }

    @Override
    public CompletionStage<ConfirmedDevice> confirmDevice(Tokens tokens, SignInResponse.NewDevice device,
            String deviceName) {
        calls.add(new Call("confirmDevice", null, null, Map.of("DEVICE_KEY", device.deviceKey())));
        return next();
    }

    @Override
    public CompletionStage<SignInResponse> respond(Challenge challenge, Map<String, String> responses) {
        calls.add(new Call("respond", challenge.name(), challenge.session(), Map.copyOf(responses)));
        return next();
    }

    @Override
    public CompletionStage<SoftwareTokenAssociation> associateSoftwareToken(Challenge challenge) {
        calls.add(new Call("associate", challenge.name(), challenge.session(), Map.of()));
        return next();
    }

    @Override
    public CompletionStage<Challenge> verifySoftwareToken(Challenge challenge, String code) {
        calls.add(new Call("verify", challenge.name(), challenge.session(), Map.of("UserCode", code)));
        return next();
    }

    @Override
    public CompletionStage<Tokens> signIn(String username, char[] password) {
        throw new AssertionError("the challenge flow never calls signIn");
    }

    @Override
    public CompletionStage<Tokens> refresh(Tokens current) {
        calls.add(new Call("refresh", null, null, Map.of()));
        return next();
    }

    @Override
    public CompletionStage<Void> revoke(Tokens current) {
        calls.add(new Call("revoke", null, null, Map.of("TOKEN", current.refreshToken().orElse("none"))));
        return next();
    }

    @SuppressWarnings("unchecked")
    private <T> CompletionStage<T> next() {
        Object outcome = outcomes.poll();
        if (outcome == null) {
            return CompletableFuture.failedFuture(new AssertionError("no outcome scripted for call " + calls.size()));
        }
        if (outcome instanceof CompletionStage<?> stage) {
            return (CompletionStage<T>) stage; // as it is: one that never completes, say
        }
        if (outcome == NOTHING) {
            return CompletableFuture.completedFuture(null);
        }
        if (outcome instanceof Throwable failure) {
            return CompletableFuture.failedFuture(failure);
        }
        return CompletableFuture.completedFuture((T) outcome);
    }
}
