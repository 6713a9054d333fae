package dev.cognitosecured.it.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.it.cognitolocal.CognitoLocalExtension;
import dev.cognitosecured.it.cognitolocal.LocalPool;
import dev.cognitosecured.it.cognitolocal.RequestCounter;
import dev.cognitosecured.runtime.MfaPreference;
import dev.cognitosecured.runtime.MfaType;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.internal.account.CognitoCalls;
import dev.cognitosecured.runtime.internal.account.CognitoMfa;
import dev.cognitosecured.runtime.internal.account.SignedInCalls;
import dev.cognitosecured.runtime.internal.cognito.CognitoIdentityProvider;
import dev.cognitosecured.runtime.spi.Ticker;
import dev.cognitosecured.testing.cognito.Totp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClientBuilder;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

/**
 * {@code @AuthFlow Mfa}'s TOTP set-up against cognito-local, the third-party emulator, which answers
 * {@code AssociateSoftwareToken} and {@code VerifySoftwareToken} by access token, {@code SetUserMFAPreference} and
 * {@code GetUser}: the same calls as against LocalCognito, then the next sign-in asks for the app's code. It runs on
 * the real clock, so codes are computed for now. (cognito-local does not track devices.)
 */
class CognitoLocalMfaSetUpTest {

    @RegisterExtension
    static final CognitoLocalExtension COGNITO = new CognitoLocalExtension();

    @Test
    void anAppSetUpBySignedInUserIsAskedAtTheNextSignIn() {
        LocalPool local = COGNITO.createPool(Duration.ofHours(1), false);
        COGNITO.admin().setUserPoolMfaConfig(r -> r.userPoolId(local.poolId())
                .mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .softwareTokenMfaConfiguration(c -> c.enabled(true)));
        local.createUser("ivan", "Corr3ct-horse!");
        CognitoIdentityProviderAsyncClientBuilder builder = CognitoIdentityProvider.clientBuilder(local.config());
        try (SignInRig rig = new SignInRig(local.config(), COGNITO.provider(local.config(), new RequestCounter()),
                Ticker.system());
                CognitoIdentityProviderAsyncClient client = builder.overrideConfiguration(builder
                        .overrideConfiguration().toBuilder().retryStrategy(AwsRetryStrategy.doNotRetry()).build())
                        .build()) {
            CognitoMfa mfa = new CognitoMfa(new SignedInCalls(new CognitoCalls(local.config(), client), rig.store),
                    local.poolId(), () -> null);
            assertTrue(rig.signIn.start("ivan", "Corr3ct-horse!".toCharArray()).isDone());

            String secret = new String(mfa.setUpTotp().sharedSecret());
            String right = Totp.code(secret, Instant.now());
            String wrong = right.equals("000000") ? "111111" : "000000";
            WrongAnswerException refused = assertThrows(WrongAnswerException.class, () -> mfa.verifyTotp(wrong, "Phone"),
                    COGNITO.log());
            assertFalse(refused.getMessage().contains(wrong));
            mfa.verifyTotp(right, "Phone");
            mfa.updatePreference(Map.of(MfaType.TOTP, MfaPreference.PREFERRED));
            assertTrue(mfa.preference().enabled().contains(MfaType.TOTP), mfa.preference().toString());

            rig.signIn.signOut();
            assertEquals(new SignInStep.TotpCode(), rig.signIn.start("ivan", "Corr3ct-horse!".toCharArray()));
            assertTrue(rig.signIn.confirm(Totp.code(secret, Instant.now())).isDone());
        }
    }
}
