package dev.cognitosecured.runtime.internal.account;

import dev.cognitosecured.runtime.PasswordReset;
import dev.cognitosecured.runtime.ResetPasswordStep;
import java.io.Serial;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@link PasswordReset} flow over Cognito's {@code ForgotPassword} and {@code ConfirmForgotPassword}. It
 * keeps nothing between requests; when its scope is passivated it is written as the proxy {@code passivated}
 * makes.
 */
public final class CognitoPasswordReset extends AccountBean implements PasswordReset {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final String NEW_CODE = "call PasswordReset.resetPassword(username) again";

    private final transient OneRequestAtATime oneAtATime = new OneRequestAtATime("PasswordReset");

    public CognitoPasswordReset(CognitoCalls cognito, Supplier<Object> passivated) {
        super("PasswordReset", cognito, passivated);
    }

    @Override
    public ResetPasswordStep resetPassword(String username) {
        Objects.requireNonNull(username, "username");
        return oneAtATime.run(() -> new ResetPasswordStep.ConfirmWithCode(Deliveries.of(
                cognito().call("ForgotPassword", NEW_CODE, () -> client().forgotPassword(request -> request
                        .clientId(cognito().clientId())
                        .secretHash(cognito().secretHash(username).orElse(null))
                        .username(username))).codeDeliveryDetails(), "ForgotPassword")));
    }

    @Override
    public ResetPasswordStep confirmResetPassword(String username, String code, char[] newPassword) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(newPassword, "newPassword");
        String password = new String(newPassword);
        oneAtATime.run(() -> cognito().call("ConfirmForgotPassword", NEW_CODE,
                () -> client().confirmForgotPassword(request -> request
                        .clientId(cognito().clientId())
                        .secretHash(cognito().secretHash(username).orElse(null))
                        .username(username)
                        .confirmationCode(code)
                        .password(password))));
        return new ResetPasswordStep.Done();
    }
}
