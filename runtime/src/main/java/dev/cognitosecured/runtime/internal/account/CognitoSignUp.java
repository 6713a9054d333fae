package dev.cognitosecured.runtime.internal.account;

import dev.cognitosecured.runtime.CodeDeliveryDetails;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.SignUp;
import dev.cognitosecured.runtime.SignUpStep;
import dev.cognitosecured.runtime.internal.cognito.SignUpSignIn;
import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConfirmSignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;

/**
 * The {@link SignUp} flow over Cognito's {@code SignUp}, {@code ConfirmSignUp} and
 * {@code ResendConfirmationCode}. It keeps the user name of the sign-up in progress (nothing secret); when its
 * scope is passivated it is written as the proxy {@code passivated} makes of that name.
 */
public final class CognitoSignUp extends AccountBean implements SignUp {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final String NEW_CODE = "call SignUp.resendSignUpCode()";

    private final transient OneRequestAtATime oneAtATime = new OneRequestAtATime("SignUp");
    private final transient AtomicReference<String> pending;
    /** The pool's sign-in flow of this scope, for {@link #signInNow()}. */
    private final transient Supplier<SignUpSignIn> signIn;
    /** The user just confirmed and {@code ConfirmSignUp}'s session, until {@link #signInNow()} uses it. */
    private final transient AtomicReference<Confirmed> confirmed = new AtomicReference<>();

    /**
     * @param cognito the pool's account calls
     * @param pending the user name of a sign-up in progress, if one is (restored after passivation)
     * @param passivated makes the serialization proxy of this flow from the pending user name
     */
    public CognitoSignUp(CognitoCalls cognito, Optional<String> pending, Function<Optional<String>, Object> passivated) {
        this(cognito, pending, passivated, () -> {
            throw new IllegalStateException("This sign-up flow has no sign-in flow to sign in with: sign in with"
                    + " SignIn.start.");
        });
    }

    /**
     * As {@link #CognitoSignUp(CognitoCalls, Optional, Function)}, signing in after a confirmation through
     * {@code signIn}, the pool's sign-in flow of the same scope ({@link #signInNow()}).
     */
    public CognitoSignUp(CognitoCalls cognito, Optional<String> pending, Function<Optional<String>, Object> passivated,
            Supplier<SignUpSignIn> signIn) {
        this(cognito, new AtomicReference<>(pending.orElse(null)), Objects.requireNonNull(passivated, "passivated"),
                signIn);
    }

    private CognitoSignUp(CognitoCalls cognito, AtomicReference<String> pending,
            Function<Optional<String>, Object> passivated, Supplier<SignUpSignIn> signIn) {
        super("SignUp", cognito, () -> passivated.apply(Optional.ofNullable(pending.get())));
        this.pending = pending;
        this.signIn = Objects.requireNonNull(signIn, "signIn");
    }

    @Override
    public SignUpStep signUp(String username, char[] password, Map<String, String> attributes) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(attributes, "attributes");
        List<AttributeType> userAttributes = new ArrayList<>();
        attributes.forEach((name, value) -> userAttributes.add(AttributeType.builder().name(name).value(value).build()));
        String passwordText = new String(password);
        SignUpResponse answer = oneAtATime.run(() -> cognito().call("SignUp", NEW_CODE,
                () -> client().signUp(request -> request
                        .clientId(cognito().clientId())
                        .secretHash(cognito().secretHash(username).orElse(null))
                        .username(username)
                        .password(passwordText)
                        .userAttributes(userAttributes))));
        String userId = answer.userSub() == null ? "" : answer.userSub();
        if (Boolean.TRUE.equals(answer.userConfirmed())) {
            pending.set(null);
            return new SignUpStep.Done(Optional.of(userId));
        }
        pending.set(username);
        return new SignUpStep.ConfirmSignUp(userId, Optional.ofNullable(answer.codeDeliveryDetails())
                .map(details -> Deliveries.of(details, "SignUp")));
    }

    @Override
    public SignUpStep confirmSignUp(String code) {
        return confirmSignUp(pendingUsername(), code);
    }

    @Override
    public SignUpStep confirmSignUp(String username, String code) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(code, "code");
        ConfirmSignUpResponse answer = oneAtATime.run(() -> cognito().call("ConfirmSignUp", NEW_CODE,
                () -> client().confirmSignUp(request -> request
                        .clientId(cognito().clientId())
                        .secretHash(cognito().secretHash(username).orElse(null))
                        .username(username)
                        .confirmationCode(code))));
        pending.compareAndSet(username, null);
        confirmed.set(answer.session() == null || answer.session().isEmpty() ? null
                : new Confirmed(username, answer.session()));
        return new SignUpStep.Done(Optional.empty());
    }

    /**
     * {@inheritDoc}
     *
     * <p>The session is used once, and is not kept when the scope is passivated.
     */
    @Override
    public SignInStep signInNow() {
        Confirmed now = confirmed.getAndSet(null);
        if (now == null) {
            throw new IllegalStateException("No confirmed sign-up's session is at hand here (none was confirmed by"
                    + " this flow, it was used already, or the app client does not allow USER_AUTH): sign in with"
                    + " SignIn.start.");
        }
        return signIn.get().startAfterSignUp(now.username(), now.session());
    }

    @Override
    public CodeDeliveryDetails resendSignUpCode() {
        return resendSignUpCode(pendingUsername());
    }

    @Override
    public CodeDeliveryDetails resendSignUpCode(String username) {
        Objects.requireNonNull(username, "username");
        return oneAtATime.run(() -> Deliveries.of(cognito().call("ResendConfirmationCode", NEW_CODE,
                () -> client().resendConfirmationCode(request -> request
                        .clientId(cognito().clientId())
                        .secretHash(cognito().secretHash(username).orElse(null))
                        .username(username))).codeDeliveryDetails(), "ResendConfirmationCode"));
    }

    private String pendingUsername() {
        String username = pending.get();
        if (username == null) {
            throw new IllegalStateException("No sign-up is in progress here: call signUp first, or name the user"
                    + " (confirmSignUp(username, code), resendSignUpCode(username)).");
        }
        return username;
    }

    /** A confirmed user and the session to sign in with; the session is a secret, never shown. */
    private record Confirmed(String username, String session) {
        @Override
        public String toString() {
            return "Confirmed[" + username + "]";
        }
    }

    @Override
    public String toString() {
        return pending.get() == null ? super.toString() : "SignUp[" + cognito().pool() + ", confirming]";
    }
}
