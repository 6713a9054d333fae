package dev.cognitosecured.it.cognitolocal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.ResetPasswordStep;
import dev.cognitosecured.runtime.SignUpStep;
import dev.cognitosecured.runtime.UsernameExistsException;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.internal.account.CognitoCalls;
import dev.cognitosecured.runtime.internal.account.CognitoPasswordReset;
import dev.cognitosecured.runtime.internal.account.CognitoSignUp;
import dev.cognitosecured.runtime.internal.cognito.CognitoIdentityProvider;
import dev.cognitosecured.runtime.internal.config.PoolConfig;
import dev.cognitosecured.testing.cognito.LocalCognito;
import dev.cognitosecured.testing.cognito.UserPool;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * The sign-up and password-reset flows of the runtime, run the same way against cognito-local (an independent
 * emulator, every code fixed to {@value #CODE}) and LocalCognito (the outbox fixed to the same code): both
 * answer the same steps and the same typed exceptions, so LocalCognito's account actions agree with an
 * emulator written by others where it supports them.
 */
class AccountCrossCheckTest {

    private static final String CODE = "123456";
    private static final String PASSWORD = "Passw0rd!";

    @RegisterExtension
    static final CognitoLocalExtension COGNITO_LOCAL = new CognitoLocalExtension(Map.of("CODE", CODE));

    @Test
    void cognitoLocalAnswersTheFlowsAsLocalCognitoDoes() {
        String poolId = COGNITO_LOCAL.admin().createUserPool(r -> r.poolName("pool-" + UUID.randomUUID())
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)).userPool().id();
        String clientId = COGNITO_LOCAL.admin().createUserPoolClient(r -> r.userPoolId(poolId)
                .clientName("client").explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
        List<String> observed = walk(new LocalPool(COGNITO_LOCAL, poolId, clientId, Optional.empty()).config());

        List<String> expected;
        try (LocalCognito local = LocalCognito.start()) {
            local.outbox().useFixedCode(CODE);
            UserPool pool = local.createPool();
            String localClient = local.createClient(pool, false).clientId();
            expected = walk(new PoolConfig("default", CognitoLocalExtension.REGION.id(), pool.id(), localClient,
                    Optional.empty(), Optional.of(local.endpoint()), PoolConfig.AuthFlowType.USER_PASSWORD_AUTH,
                    PoolConfig.RefreshMode.REFRESH_TOKEN_AUTH, PoolConfig.SessionScope.APPLICATION,
                    PoolConfig.DEFAULT_PREFETCH, Optional.empty(), ""));
        }

        assertEquals(expected, observed);
    }

    /** Sign-up, a wrong code, the code, the same name again, a reset with a wrong code, then the code: what was seen. */
    private static List<String> walk(PoolConfig config) {
        try (CognitoIdentityProviderAsyncClient client = CognitoIdentityProvider.clientBuilder(config).build()) {
            CognitoCalls calls = new CognitoCalls(config, client);
            CognitoSignUp signUp = new CognitoSignUp(calls, Optional.empty(), pending -> "unused");
            CognitoPasswordReset reset = new CognitoPasswordReset(calls, () -> "unused");

            SignUpStep.ConfirmSignUp confirm = assertInstanceOf(SignUpStep.ConfirmSignUp.class,
                    signUp.signUp("carol", PASSWORD.toCharArray(), Map.of("email", "carol@example.com")));
            String delivery = confirm.delivery().map(d -> d.medium() + " " + d.attribute()).orElse("none");
            WrongAnswerException wrong = assertThrows(WrongAnswerException.class, () -> signUp.confirmSignUp("654321"));
            SignUpStep done = signUp.confirmSignUp(CODE);
            assertThrows(UsernameExistsException.class,
                    () -> signUp.signUp("carol", PASSWORD.toCharArray(), Map.of("email", "carol@example.com")));

            ResetPasswordStep step = reset.resetPassword("carol");
            WrongAnswerException wrongReset = assertThrows(WrongAnswerException.class,
                    () -> reset.confirmResetPassword("carol", "654321", "N3w-Passw0rd!".toCharArray()));
            ResetPasswordStep reset2 = reset.confirmResetPassword("carol", CODE, "N3w-Passw0rd!".toCharArray());
            assertNotNull(client.initiateAuth(r -> r.clientId(config.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "carol", "PASSWORD", "N3w-Passw0rd!"))).join()
                    .authenticationResult().accessToken());
            assertTrue(wrong.canRetry() && wrongReset.canRetry());
            return List.of(confirm.kind().name(), delivery, done.kind().name(), step.kind().name(),
                    reset2.kind().name());
        }
    }
}
