package dev.cognitosecured.runtime;

import java.util.List;

/**
 * The signed-in user's passkeys in one user pool: {@code @Inject @AuthFlow Passkeys passkeys}. Registration
 * is a WebAuthn ceremony the browser performs; the library carries its JSON to and from Cognito:
 *
 * <pre>{@code
 * String options = passkeys.startRegistration();
 * // in the browser: navigator.credentials.create({publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options)})
 * passkeys.completeRegistration(credentialJson);   // JSON.stringify(credential.toJSON()), sent back by the page
 * }</pre>
 *
 * <p>Afterwards the user can sign in with {@link SignIn#startUserAuth(String, FirstFactor)} and
 * {@link FirstFactor#WEB_AUTHN}. Every request carries a fresh access token from the pool's {@link SessionStore}
 * of the bean's scope and is bounded by {@code cognito.timeout}; the user pool must allow {@code WEB_AUTHN} as a
 * first factor and name its relying party.
 */
public interface Passkeys {

    /**
     * Starts registering a passkey ({@code StartWebAuthnRegistration}).
     *
     * @return WebAuthn's {@code PublicKeyCredentialCreationOptionsJSON}, for the browser
     * @throws SignInRequiredException if nobody is signed in, or Cognito no longer accepts the user's tokens
     * @throws TransportException if Cognito refused (e.g. passkeys are not enabled for the pool) or failed
     */
    String startRegistration();

    /**
     * Completes the registration started last with the browser's credential ({@code CompleteWebAuthnRegistration}),
     * WebAuthn's {@code RegistrationResponseJSON}.
     *
     * @param credentialJson the browser's {@code JSON.stringify(credential.toJSON())}, as the page sent it back
     * @throws WrongAnswerException if Cognito refused the credential (another origin or relying party, a challenge
     *     it did not issue, an unsupported key) ({@code canRetry() == true}: start the registration again)
     */
    void completeRegistration(String credentialJson);

    /**
     * Lists the user's passkeys ({@code ListWebAuthnCredentials}, every page read).
     *
     * @return every passkey the user registered in this pool; empty if none
     */
    List<PasskeyCredential> list();

    /**
     * Deletes the passkey {@code credentialId} ({@code DeleteWebAuthnCredential}); the user can no longer sign
     * in with it.
     *
     * @param credentialId the passkey's {@link PasskeyCredential#credentialId()}, from {@link #list()}
     * @throws TransportException if Cognito refused (e.g. the user has no such passkey) or failed
     */
    void delete(String credentialId);
}
