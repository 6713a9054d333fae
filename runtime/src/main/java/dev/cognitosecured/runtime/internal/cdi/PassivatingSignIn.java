package dev.cognitosecured.runtime.internal.cdi;

import dev.cognitosecured.runtime.FirstFactor;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.internal.cognito.SignUpSignIn;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The pool's {@link SignIn} bean: a flow that its scope may passivate or replicate, as a passivating CDI
 * scope requires. It delegates every call to the flow; when written, it is replaced by the
 * {@link PassivatedSignIn} its pool runtime makes of the flow's challenge slot.
 */
final class PassivatingSignIn implements SignIn, SignUpSignIn, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient SignIn flow;
    private final transient Supplier<PassivatedSignIn> passivated;

    PassivatingSignIn(SignIn flow, Supplier<PassivatedSignIn> passivated) {
        this.flow = Objects.requireNonNull(flow, "flow");
        this.passivated = Objects.requireNonNull(passivated, "passivated");
    }

    @Override
    public SignInStep start(String username, char[] password) {
        return flow.start(username, password);
    }

    @Override
    public SignInStep confirm(String answer) {
        return flow.confirm(answer);
    }

    @Override
    public SignInStep confirmNewPassword(char[] newPassword, Map<String, String> attributes) {
        return flow.confirmNewPassword(newPassword, attributes);
    }

    @Override
    public SignInStep startUserAuth(String username) {
        return flow.startUserAuth(username);
    }

    @Override
    public SignInStep startUserAuth(String username, FirstFactor preferred) {
        return flow.startUserAuth(username, preferred);
    }

    @Override
    public SignInStep startUserAuth(String username, char[] password) {
        return flow.startUserAuth(username, password);
    }

    @Override
    public SignInStep confirmPassword(char[] password) {
        return flow.confirmPassword(password);
    }

    @Override
    public SignInStep startAfterSignUp(String username, String confirmationSession) {
        if (!(flow instanceof SignUpSignIn afterSignUp)) {
            throw new IllegalStateException("This sign-in flow cannot sign in with a sign-up's confirmation.");
        }
        return afterSignUp.startAfterSignUp(username, confirmationSession);
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

    @Override
    public String toString() {
        return flow.toString();
    }

    @Serial
    private Object writeReplace() {
        return passivated.get();
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a sign-in flow is read through its serialization proxy only");
    }
}
