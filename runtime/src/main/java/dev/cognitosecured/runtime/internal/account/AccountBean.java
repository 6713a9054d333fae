package dev.cognitosecured.runtime.internal.account;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;

/**
 * What the account beans of a pool ({@code SignUp}, {@code PasswordReset}, {@code Account}, {@code Mfa},
 * {@code Devices}, {@code Passkeys}) share: the pool's calls to Cognito and its SDK client, a
 * {@link #toString()} that names the bean and the pool and nothing else, and passivation: a bean lives in a
 * session scope, keeps its live parts in transient fields, and is written as the small serial form
 * {@code passivated} makes (the pool's name and which bean), which reads back as that bean of the pool's live
 * runtime.
 */
abstract class AccountBean implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** How the user gets past a failure of a call that takes no code (see {@code CognitoFailures.ofAccount}). */
    static final String NO_CODE = "sign in again";

    private final transient String name;
    private final transient CognitoCalls cognito;
    private final transient Supplier<?> passivated;

    /**
     * @param name the bean's name in {@link #toString()}, e.g. {@code "Account"}
     * @param cognito the pool's account calls
     * @param passivated makes the serial form this bean is written as
     */
    AccountBean(String name, CognitoCalls cognito, Supplier<?> passivated) {
        this.name = Objects.requireNonNull(name, "name");
        this.cognito = Objects.requireNonNull(cognito, "cognito");
        this.passivated = Objects.requireNonNull(passivated, "passivated");
    }

    /** The pool's account calls. */
    final CognitoCalls cognito() {
        return cognito;
    }

    /** The SDK client, to build requests with. */
    final CognitoIdentityProviderAsyncClient client() {
        return cognito.client();
    }

    /** What the serialization writes instead of this bean. */
    @Serial
    final Object writeReplace() {
        return passivated.get();
    }

    @Override
    public String toString() {
        return name + "[" + cognito.pool() + "]";
    }
}
