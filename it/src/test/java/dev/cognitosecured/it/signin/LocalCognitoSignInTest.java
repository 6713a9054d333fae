package dev.cognitosecured.it.signin;

import dev.cognitosecured.it.cognitolocal.RequestCounter;
import dev.cognitosecured.runtime.internal.config.PoolConfig;
import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.MfaConfiguration;
import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.cognito.PoolSettings;
import dev.cognitosecured.testing.cognito.Totp;
import dev.cognitosecured.testing.cognito.UserPool;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** The sign-in contract against LocalCognito, the strict stand-in of the test kit. */
class LocalCognitoSignInTest extends SignInContract {

    @RegisterExtension
    static final LocalCognitoRig LOCAL = new LocalCognitoRig();

    @Override
    StandInPool newPool() {
        AppClient app = LOCAL.clientOfNewPool(PoolSettings.defaults()
                .withMfa(MfaConfiguration.OPTIONAL, MfaFactor.SMS_MFA, MfaFactor.SOFTWARE_TOKEN_MFA, MfaFactor.EMAIL_OTP));
        UserPool userPool = app.pool();
        return new StandInPool() {
            @Override
            public SignInRig rig(RequestCounter counter, ExecutionInterceptor... watchers) {
                List<ExecutionInterceptor> all = new ArrayList<>(List.of(watchers));
                all.add(0, counter);
                return LOCAL.rig(LOCAL.config(app, PoolConfig.AuthFlowType.USER_PASSWORD_AUTH),
                        all.toArray(ExecutionInterceptor[]::new));
            }

            @Override
            public void createUser(String username, String password) {
                LOCAL.cognito.createUser(userPool, username, password);
            }

            @Override
            public void createUserWithTemporaryPassword(String username, String temporaryPassword) {
                LOCAL.cognito.createUser(userPool, NewUser.withTemporaryPassword(username, temporaryPassword));
            }

            @Override
            public String createUserWithAuthenticatorApp(String username, String password) {
                String secret = Totp.newSecret();
                LOCAL.cognito.createUser(userPool, NewUser.withPassword(username, password)
                        .softwareToken(secret).withMfa(MfaFactor.SOFTWARE_TOKEN_MFA));
                return secret;
            }

            @Override
            public String createUserChoosingAFactor(String username, String password) {
                String secret = Totp.newSecret();
                LOCAL.cognito.createUser(userPool, NewUser.withPassword(username, password)
                        .attribute("phone_number", "+12065551234")
                        .softwareToken(secret)
                        .withMfa(MfaFactor.SMS_MFA, MfaFactor.SOFTWARE_TOKEN_MFA));
                return secret;
            }

            @Override
            public String authenticatorCode(String secret) {
                return Totp.code(secret, LOCAL.clock.instant());
            }
        };
    }
}
