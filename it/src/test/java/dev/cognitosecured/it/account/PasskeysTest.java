package dev.cognitosecured.it.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.FirstFactor;
import dev.cognitosecured.runtime.PasskeyCredential;
import dev.cognitosecured.runtime.Passkeys;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.AuthFactor;
import dev.cognitosecured.testing.cognito.TestAuthenticator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15 flow 6's passkey registration: the {@code @AuthFlow Passkeys} bean in the application's CDI container
 * carries WebAuthn's JSON between the browser ({@link TestAuthenticator}, an EC P-256 key pair) and Cognito
 * ({@code StartWebAuthnRegistration}, {@code CompleteWebAuthnRegistration}, {@code ListWebAuthnCredentials},
 * {@code DeleteWebAuthnCredential} through the AWS SDK, against LocalCognito, which checks the registration as a
 * relying party does); the passkey then signs the user in through {@code SignIn}.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PasskeysTest {

    private final AccountRig rig = new AccountRig();
    private final TestAuthenticator authenticator = TestAuthenticator.create("https://localhost");

    PasskeysTest() {
        rig.standIns.cognito().setSignInPolicy(rig.standIns.local().pool(), "localhost", AuthFactor.PASSWORD,
                AuthFactor.WEB_AUTHN);
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private Passkeys passkeys() {
        return rig.app.beans().createInstance().select(Passkeys.class, AuthFlow.Literal.of("default")).get();
    }

    @Test
    void aRegisteredPasskeyIsListedSignsTheUserInAndCanBeDeleted() {
        rig.signedIn("carol");
        Passkeys passkeys = passkeys();

        passkeys.completeRegistration(authenticator.register(passkeys.startRegistration()));

        List<PasskeyCredential> listed = passkeys.list();
        assertEquals(1, listed.size());
        assertEquals(authenticator.credentialId().orElseThrow(), listed.get(0).credentialId());
        assertEquals("localhost", listed.get(0).relyingPartyId());
        assertEquals(List.of("internal"), listed.get(0).transports());

        SignIn signIn = rig.app.signIn("default");
        signIn.signOut();
        SignInStep.WebAuthnCredential step = assertInstanceOf(SignInStep.WebAuthnCredential.class,
                signIn.startUserAuth("carol", FirstFactor.WEB_AUTHN));
        assertTrue(signIn.confirm(authenticator.authenticate(step.requestOptions())).isDone());

        passkeys.delete(listed.get(0).credentialId());
        assertEquals(List.of(), passkeys.list());
        signIn.signOut();
        assertInstanceOf(SignInStep.FirstFactorSelection.class, signIn.startUserAuth("carol", FirstFactor.WEB_AUTHN),
                "no passkey left to offer");
    }

    @Test
    void aRegistrationFromAnotherOriginIsRefusedAndMayBeStartedAgain() {
        rig.signedIn("carol");
        Passkeys passkeys = passkeys();

        String options = passkeys.startRegistration();
        WrongAnswerException refused = assertThrows(WrongAnswerException.class, () -> passkeys.completeRegistration(
                authenticator.atOrigin("https://phishing.example").register(options)));

        assertTrue(refused.canRetry());
        assertTrue(refused.getMessage().contains("WebAuthnOriginNotAllowedException"), refused.getMessage());
        assertEquals(List.of(), passkeys.list());
        passkeys.completeRegistration(authenticator.register(passkeys.startRegistration()));
        assertEquals(1, passkeys.list().size());
    }

    @Test
    void nobodySignedInIsRefusedBeforeCognitoSeesAnything() {
        Passkeys passkeys = passkeys();

        assertThrows(SignInRequiredException.class, passkeys::startRegistration);

        assertEquals(0, rig.standIns.cognito().requestCount(Action.START_WEB_AUTHN_REGISTRATION));
    }
}
