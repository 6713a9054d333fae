package dev.cognitosecured.it.readme;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.FirstFactor;
import dev.cognitosecured.runtime.Passkeys;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.SignUp;
import dev.cognitosecured.runtime.SignUpStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.UnaryOperator;

@ApplicationScoped
public class PasswordlessService {

    @Inject @AuthFlow SignIn signIn;
    @Inject @AuthFlow SignUp signUp;
    @Inject @AuthFlow Passkeys passkeys;     // the signed-in user's passkeys

    public SignInStep withEmailCode(String user, UnaryOperator<String> askCode) {
        SignInStep step = signIn.startUserAuth(user, FirstFactor.EMAIL_OTP);
        if (step instanceof SignInStep.EmailCode sent) {                  // CONFIRM_SIGN_IN_WITH_EMAIL_CODE
            step = signIn.confirm(askCode.apply(sent.destination()));      // wrong: WrongAnswerException, ask again
        }
        return step;
    }

    public SignInStep letTheUserChoose(String user, UnaryOperator<String> choose, char[] password) {
        SignInStep step = signIn.startUserAuth(user);                     // SELECT_CHALLENGE
        if (step instanceof SignInStep.FirstFactorSelection offered) {    // e.g. [PASSWORD, PASSWORD_SRP, EMAIL_OTP]
            String choice = choose.apply(offered.available().toString());
            step = choice.equals("PASSWORD") ? signIn.confirmPassword(password) : signIn.confirm(choice);
        }
        return step;
    }

    /** {@code browser} runs navigator.credentials.get/create with the options and returns the credential's JSON. */
    public SignInStep withPasskey(String user, UnaryOperator<String> browser) {
        SignInStep step = signIn.startUserAuth(user, FirstFactor.WEB_AUTHN);
        if (step instanceof SignInStep.WebAuthnCredential asked) {         // CONFIRM_SIGN_IN_WITH_WEB_AUTHN
            step = signIn.confirm(browser.apply(asked.requestOptions()));
        }
        return step;
    }

    public void addPasskey(UnaryOperator<String> browser) {
        passkeys.completeRegistration(browser.apply(passkeys.startRegistration()));
    }

    public SignInStep signUpThenSignIn(String user, char[] password, String email, UnaryOperator<String> askCode) {
        if (signUp.signUp(user, password, Map.of("email", email)) instanceof SignUpStep.ConfirmSignUp confirm) {
            signUp.confirmSignUp(askCode.apply(confirm.delivery().map(d -> d.destination()).orElse("")));
        }
        return signUp.signInNow();                                        // no password asked again
    }
}
