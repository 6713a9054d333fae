package dev.cognitosecured.runtime.internal.observe;

import dev.cognitosecured.runtime.FirstFactor;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.internal.cognito.SignUpSignIn;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** A sign-in flow whose steps and their outcomes a {@link PoolObserver} is told of. */
public final class ObservedSignIn implements SignIn, SignUpSignIn {

    private final SignIn flow;
    private final PoolObserver observer;

    public ObservedSignIn(SignIn flow, PoolObserver observer) {
        this.flow = Objects.requireNonNull(flow, "flow");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    @Override
    public SignInStep start(String username, char[] password) {
        return observed("start", () -> flow.start(username, password));
    }

    @Override
    public SignInStep confirm(String answer) {
        return observed("confirm", () -> flow.confirm(answer));
    }

    @Override
    public SignInStep confirmNewPassword(char[] newPassword, Map<String, String> attributes) {
        return observed("new_password", () -> flow.confirmNewPassword(newPassword, attributes));
    }

    @Override
    public SignInStep startUserAuth(String username) {
        return observed("start", () -> flow.startUserAuth(username));
    }

    @Override
    public SignInStep startUserAuth(String username, FirstFactor preferred) {
        return observed("start", () -> flow.startUserAuth(username, preferred));
    }

    @Override
    public SignInStep startUserAuth(String username, char[] password) {
        return observed("start", () -> flow.startUserAuth(username, password));
    }

    @Override
    public SignInStep confirmPassword(char[] password) {
        return observed("password", () -> flow.confirmPassword(password));
    }

    /** Signs in after a sign-up through the observed flow, which must offer it (the library's does). */
    @Override
    public SignInStep startAfterSignUp(String username, String confirmationSession) {
        if (!(flow instanceof SignUpSignIn afterSignUp)) {
            throw new UnsupportedOperationException(flow.getClass().getName() + " cannot sign in after a sign-up");
        }
        return observed("start", () -> afterSignUp.startAfterSignUp(username, confirmationSession));
    }

    @Override
    public SignInStep current() {
        return flow.current();
    }

    @Override
    public boolean isSignedIn() {
        return flow.isSignedIn();
    }

    @Override
    public void signOut() {
        flow.signOut();
    }

    private SignInStep observed(String step, Supplier<SignInStep> action) {
        SignInStep next;
        try {
            next = action.get();
        } catch (RuntimeException e) {
            observer.signInStep(step, e.getClass().getSimpleName());
            throw e;
        }
        observer.signInStep(step, next.kind().name().toLowerCase(Locale.ROOT));
        return next;
    }

    @Override
    public String toString() {
        return flow.toString();
    }
}
