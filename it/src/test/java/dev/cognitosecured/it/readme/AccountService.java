package dev.cognitosecured.it.readme;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.Account;
import dev.cognitosecured.runtime.AttributeUpdateStep;
import dev.cognitosecured.runtime.PasswordReset;
import dev.cognitosecured.runtime.ResetPasswordStep;
import dev.cognitosecured.runtime.SignUp;
import dev.cognitosecured.runtime.SignUpStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Function;

@ApplicationScoped
public class AccountService {

    @Inject @AuthFlow SignUp signUp;
    @Inject @AuthFlow PasswordReset reset;
    @Inject @AuthFlow Account account;     // the signed-in user of the same scope

    public void register(String user, char[] password, String email, Function<String, String> askCode) {
        SignUpStep step = signUp.signUp(user, password, Map.of("email", email));
        if (step instanceof SignUpStep.ConfirmSignUp confirm) {     // CONFIRM_SIGN_UP
            String where = confirm.delivery().map(d -> d.destination()).orElse("an administrator");
            signUp.confirmSignUp(askCode.apply(where));             // wrong: WrongAnswerException, ask again
        }
    }

    public void forgotPassword(String user, char[] newPassword, Function<String, String> askCode) {
        if (reset.resetPassword(user) instanceof ResetPasswordStep.ConfirmWithCode sent) {
            reset.confirmResetPassword(user, askCode.apply(sent.delivery().destination()), newPassword);
        }
    }

    public void changeEmail(String email, Function<String, String> askCode) {
        AttributeUpdateStep step = account.updateAttributes(Map.of("email", email)).get("email");
        if (step instanceof AttributeUpdateStep.ConfirmWithCode confirm) {
            account.confirmAttribute("email", askCode.apply(confirm.delivery().destination()));
        }
    }

    public void leaveEverywhere() {
        account.signOutEverywhere();      // every device's tokens revoked; SessionEnded(SIGNED_OUT_EVERYWHERE)
    }
}
