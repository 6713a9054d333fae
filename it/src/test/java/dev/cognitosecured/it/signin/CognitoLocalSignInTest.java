package dev.cognitosecured.it.signin;

import dev.cognitosecured.it.cognitolocal.CognitoLocalExtension;
import dev.cognitosecured.it.cognitolocal.LocalPool;
import dev.cognitosecured.it.cognitolocal.RequestCounter;
import dev.cognitosecured.runtime.spi.Ticker;
import dev.cognitosecured.testing.cognito.Totp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

/**
 * The sign-in contract against cognito-local, the third-party emulator: an independent check that the
 * flows work against a Cognito nobody here wrote. cognito-local runs on the real clock, so the store does
 * too, and authenticator codes are computed for now. Users get their authenticator app as a real one would:
 * signed in, through {@code AssociateSoftwareToken}, {@code VerifySoftwareToken} and
 * {@code SetUserMFAPreference} with the access token.
 */
class CognitoLocalSignInTest extends SignInContract {

    @RegisterExtension
    static final CognitoLocalExtension COGNITO = new CognitoLocalExtension();

    @Override
    StandInPool newPool() {
        LocalPool local = COGNITO.createPool(Duration.ofHours(1), false);
        CognitoIdentityProviderClient admin = COGNITO.admin();
        admin.setUserPoolMfaConfig(r -> r.userPoolId(local.poolId())
                .mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .softwareTokenMfaConfiguration(c -> c.enabled(true)));
        return new StandInPool() {
            @Override
            public SignInRig rig(RequestCounter counter, ExecutionInterceptor... watchers) {
                return new SignInRig(local.config(), COGNITO.provider(local.config(), counter, watchers),
                        Ticker.system());
            }

            @Override
            public void createUser(String username, String password) {
                local.createUser(username, password);
            }

            @Override
            public void createUserWithTemporaryPassword(String username, String temporaryPassword) {
                local.createUserWithTemporaryPassword(username, temporaryPassword);
            }

            @Override
            public String createUserWithAuthenticatorApp(String username, String password) {
                return enrolAuthenticatorApp(username, password, false);
            }

            @Override
            public String createUserChoosingAFactor(String username, String password) {
                return enrolAuthenticatorApp(username, password, true);
            }

            @Override
            public String authenticatorCode(String secret) {
                return Totp.code(secret, Instant.now());
            }

            private String enrolAuthenticatorApp(String username, String password, boolean andSms) {
                local.createUser(username, password);
                String accessToken = admin.initiateAuth(r -> r.clientId(local.clientId())
                                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                                .authParameters(Map.of("USERNAME", username, "PASSWORD", password)))
                        .authenticationResult().accessToken();
                String secret = admin.associateSoftwareToken(r -> r.accessToken(accessToken)).secretCode();
                admin.verifySoftwareToken(r -> r.accessToken(accessToken).userCode(Totp.code(secret, Instant.now())));
                admin.setUserMFAPreference(r -> {
                    r.accessToken(accessToken).softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(!andSms));
                    if (andSms) {
                        r.smsMfaSettings(s -> s.enabled(true));
                    }
                });
                return secret;
            }
        };
    }
}
