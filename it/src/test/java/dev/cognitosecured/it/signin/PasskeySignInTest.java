package dev.cognitosecured.it.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.FirstFactor;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.internal.cognito.CognitoIdentityProvider;
import dev.cognitosecured.runtime.internal.cognito.JsonDocuments;
import dev.cognitosecured.runtime.internal.config.PoolConfig.AuthFlowType;
import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.AuthFactor;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.cognito.PoolSettings;
import dev.cognitosecured.testing.cognito.TestAuthenticator;
import dev.cognitosecured.testing.cognito.UserPool;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;

/**
 * Sign-in with a passkey ({@code WEB_AUTHN}) end to end: the runtime's {@code SignIn} hands the request options
 * Cognito sends out as a typed step and sends the browser's credential back, through the real AWS SDK, to
 * LocalCognito, which checks the assertion as a relying party does (challenge, origin, relying party, counter, an
 * ES256 signature verified with the JDK). The browser is {@link TestAuthenticator}, an EC P-256 key pair; the
 * passkey is registered through the SDK's {@code StartWebAuthnRegistration} and
 * {@code CompleteWebAuthnRegistration} with the signed-in user's access token.
 */
class PasskeySignInTest {

    @RegisterExtension
    static final LocalCognitoRig LOCAL = new LocalCognitoRig();

    private static final String PASSWORD = "Corr3ct-horse-1";
    private static final String ORIGIN = "https://app.example.com";

    private final TestAuthenticator authenticator = TestAuthenticator.create(ORIGIN);
    private UserPool pool;
    private SignInRig rig;
    private static CognitoIdentityProviderAsyncClient sdk;

    @BeforeEach
    void registerAPasskey() throws Exception {
        pool = LOCAL.cognito.createPool(PoolSettings.defaults());
        LOCAL.cognito.setSignInPolicy(pool, "app.example.com", AuthFactor.PASSWORD, AuthFactor.WEB_AUTHN);
        AppClient app = LOCAL.cognito.createClient(pool, false);
        rig = LOCAL.rig(LOCAL.config(app, AuthFlowType.USER_SRP_AUTH));
        LOCAL.cognito.createUser(pool, NewUser.withPassword("erin", PASSWORD));
        if (sdk == null) {
            sdk = CognitoIdentityProvider.clientBuilder(rig.config)
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        }

        assertEquals(new SignInStep.FirstFactorSelection(Set.of(FirstFactor.PASSWORD, FirstFactor.PASSWORD_SRP)),
                rig.signIn.startUserAuth("erin"), "no passkey yet");
        assertTrue(rig.signIn.confirmPassword(PASSWORD.toCharArray()).isDone());
        String access = rig.store.tokens(Duration.ZERO).accessToken();
        String options = JsonDocuments.toJson(sdk.startWebAuthnRegistration(r -> r.accessToken(access))
                .get(10, TimeUnit.SECONDS).credentialCreationOptions());
        sdk.completeWebAuthnRegistration(r -> r.accessToken(access)
                .credential(JsonDocuments.fromJson(authenticator.register(options)))).get(10, TimeUnit.SECONDS);
        rig.signIn.signOut();
        LOCAL.cognito.resetRequestCounts();
    }

    @AfterAll
    static void closeSdk() {
        if (sdk != null) {
            sdk.close();
        }
    }

    @Test
    void aPasskeyChosenSignsInWithTheBrowsersCredential() {
        SignInStep choice = rig.signIn.startUserAuth("erin");
        assertEquals(new SignInStep.FirstFactorSelection(Set.of(FirstFactor.PASSWORD, FirstFactor.PASSWORD_SRP,
                FirstFactor.WEB_AUTHN)), choice);

        SignInStep.WebAuthnCredential step = assertInstanceOf(SignInStep.WebAuthnCredential.class,
                rig.signIn.confirm("WEB_AUTHN"));
        JsonObject options = json(step.requestOptions());
        assertEquals("app.example.com", options.getString("rpId"));
        assertEquals(authenticator.credentialId().orElseThrow(),
                options.getJsonArray("allowCredentials").getJsonObject(0).getString("id"));

        assertTrue(rig.signIn.confirm(authenticator.authenticate(step.requestOptions())).isDone());
        assertTrue(rig.signIn.isSignedIn());
        assertEquals(1, LOCAL.cognito.challengeResponseCount("WEB_AUTHN"));
    }

    @Test
    void aPreferredPasskeyAsksForTheCredentialAtOnce() {
        SignInStep.WebAuthnCredential step = assertInstanceOf(SignInStep.WebAuthnCredential.class,
                rig.signIn.startUserAuth("erin", FirstFactor.WEB_AUTHN));

        assertTrue(rig.signIn.confirm(authenticator.authenticate(step.requestOptions())).isDone());
        assertEquals(0, LOCAL.cognito.challengeResponseCount("SELECT_CHALLENGE"));
    }

    @Test
    void anAssertionFromAnotherOriginIsRefusedAndTheRightOneThenSignsIn() {
        SignInStep.WebAuthnCredential step = (SignInStep.WebAuthnCredential) rig.signIn.startUserAuth("erin",
                FirstFactor.WEB_AUTHN);

        WrongAnswerException refused = assertThrows(WrongAnswerException.class, () -> rig.signIn.confirm(
                authenticator.atOrigin("https://phishing.example").authenticate(step.requestOptions())));

        assertTrue(refused.canRetry());
        assertTrue(refused.getMessage().contains("WebAuthnOriginNotAllowedException"), refused.getMessage());
        assertFalse(rig.signIn.isSignedIn());
        assertTrue(rig.signIn.confirm(authenticator.authenticate(step.requestOptions())).isDone());
    }

    @Test
    void anAssertionOfAnEarlierChallengeIsRefused() {
        String earlier = ((SignInStep.WebAuthnCredential) rig.signIn.startUserAuth("erin", FirstFactor.WEB_AUTHN))
                .requestOptions();
        String stale = authenticator.authenticate(earlier);
        rig.signIn.startUserAuth("erin", FirstFactor.WEB_AUTHN);

        assertThrows(WrongAnswerException.class, () -> rig.signIn.confirm(stale));

        assertFalse(rig.signIn.isSignedIn());
    }

    @Test
    void aSignatureThatDoesNotVerifyIsRefused() {
        String options = ((SignInStep.WebAuthnCredential) rig.signIn.startUserAuth("erin", FirstFactor.WEB_AUTHN))
                .requestOptions();
        JsonObject credential = json(authenticator.authenticate(options));
        byte[] signature = Base64.getUrlDecoder().decode(credential.getJsonObject("response").getString("signature"));
        signature[signature.length - 1] ^= 1;
        String forged = Json.createObjectBuilder(credential)
                .add("response", Json.createObjectBuilder(credential.getJsonObject("response"))
                        .add("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(signature)))
                .build().toString();

        WrongAnswerException refused = assertThrows(WrongAnswerException.class, () -> rig.signIn.confirm(forged));

        assertTrue(refused.canRetry());
        assertFalse(rig.signIn.isSignedIn());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
