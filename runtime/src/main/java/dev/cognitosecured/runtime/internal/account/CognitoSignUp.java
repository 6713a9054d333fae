package dev.cognitosecured.runtime.internal.account;

import dev.cognitosecured.runtime.CodeDeliveryDetails;
import dev.cognitosecured.runtime.SignUp;
import dev.cognitosecured.runtime.SignUpStep;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;

/**
 * The {@link SignUp} flow over Cognito's {@code SignUp}, {@code ConfirmSignUp} and
 * {@code ResendConfirmationCode}. It keeps the user name of the sign-up in progress (nothing secret); when its
 * scope is passivated it is written as the proxy {@code passivated} makes of that name.
 */
public final class CognitoSignUp implements SignUp, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final String NEW_CODE = "call SignUp.resendSignUpCode()";

    private final transient CognitoCalls cognito;
    private final transient OneRequestAtATime oneAtATime = new OneRequestAtATime("SignUp");
    private final transient AtomicReference<String> pending;
    private final transient Function<Optional<String>, Object> passivated;

    /**
     * @param cognito the pool's account calls
     * @param pending the user name of a sign-up in progress, if one is (restored after passivation)
     * @param passivated makes the serialization proxy of this flow from the pending user name
     */
    public CognitoSignUp(CognitoCalls cognito, Optional<String> pending, Function<Optional<String>, Object> passivated) {
        this.cognito = Objects.requireNonNull(cognito, "cognito");
        this.pending = new AtomicReference<>(pending.orElse(null));
        this.passivated = Objects.requireNonNull(passivated, "passivated");
    }

    @Override
    public SignUpStep signUp(String username, char[] password, Map<String, String> attributes) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(attributes, "attributes");
        List<AttributeType> userAttributes = new ArrayList<>();
        attributes.forEach((name, value) -> userAttributes.add(AttributeType.builder().name(name).value(value).build()));
        String passwordText = new String(password);
        SignUpResponse answer = oneAtATime.run(() -> cognito.call("SignUp", NEW_CODE,
                () -> cognito.client().signUp(request -> request
                        .clientId(cognito.clientId())
                        .secretHash(cognito.secretHash(username).orElse(null))
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
        oneAtATime.run(() -> cognito.call("ConfirmSignUp", NEW_CODE,
                () -> cognito.client().confirmSignUp(request -> request
                        .clientId(cognito.clientId())
                        .secretHash(cognito.secretHash(username).orElse(null))
                        .username(username)
                        .confirmationCode(code))));
        pending.compareAndSet(username, null);
        return new SignUpStep.Done(Optional.empty());
    }

    @Override
    public CodeDeliveryDetails resendSignUpCode() {
        return resendSignUpCode(pendingUsername());
    }

    @Override
    public CodeDeliveryDetails resendSignUpCode(String username) {
        Objects.requireNonNull(username, "username");
        return oneAtATime.run(() -> Deliveries.of(cognito.call("ResendConfirmationCode", NEW_CODE,
                () -> cognito.client().resendConfirmationCode(request -> request
                        .clientId(cognito.clientId())
                        .secretHash(cognito.secretHash(username).orElse(null))
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

    @Serial
    private Object writeReplace() {
        return passivated.apply(Optional.ofNullable(pending.get()));
    }

    @Override
    public String toString() {
        return "SignUp[" + cognito.pool() + (pending.get() == null ? "" : ", confirming") + "]";
    }
}
