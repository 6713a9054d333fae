package dev.cognitosecured.runtime.internal.cognito;

import dev.cognitosecured.runtime.internal.cognito.srp.PasswordClaim;
import dev.cognitosecured.runtime.internal.cognito.srp.SrpClient;
import dev.cognitosecured.runtime.internal.cognito.srp.SrpTimestamp;
import dev.cognitosecured.runtime.internal.config.PoolConfig;
import dev.cognitosecured.runtime.spi.Challenge;
import dev.cognitosecured.runtime.spi.DeviceCredentials;
import dev.cognitosecured.runtime.spi.SignInResponse;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/**
 * The start of an SRP sign-in: {@code InitiateAuth USER_SRP_AUTH} with {@code SRP_A}, then the answer to
 * the {@code PASSWORD_VERIFIER} challenge that comes back ({@code PASSWORD_CLAIM_SIGNATURE},
 * {@code PASSWORD_CLAIM_SECRET_BLOCK}, {@code TIMESTAMP}, as {@code USERNAME} the challenge's
 * {@code USER_ID_FOR_SRP}; and {@code DEVICE_KEY} when the sign-in started on a remembered device). Its result is
 * whatever follows the password: the tokens or the next challenge.
 *
 * <p>{@link #startCustomAuth} is the same with {@code InitiateAuth CUSTOM_AUTH} and {@code CHALLENGE_NAME}
 * {@code SRP_A}: the pool's define auth challenge trigger asks for {@code PASSWORD_VERIFIER} first, and its
 * custom challenges follow the proven password.
 */
final class SrpSignIn {

    private final CognitoIdentityProviderAsyncClient client;
    private final PoolConfig config;
    private final SrpTimestamp timestamps;
    private final SecureRandom random;

    SrpSignIn(CognitoIdentityProviderAsyncClient client, PoolConfig config, SrpTimestamp timestamps,
            SecureRandom random) {
        this.client = client;
        this.config = config;
        this.timestamps = timestamps;
        this.random = random;
    }

    /**
     * Starts the sign-in ({@code USER_SRP_AUTH}). {@code password} is read only while the returned stage is
     * incomplete, and not changed.
     */
    CompletableFuture<SignInResponse> start(String username, char[] password) {
        return start(AuthFlowType.USER_SRP_AUTH, Map.of(), username, password);
    }

    /**
     * As {@link #start(String, char[])}, on the device {@code deviceKey} names ({@code DEVICE_KEY} with
     * {@code InitiateAuth} and with the {@code PASSWORD_VERIFIER} answer).
     */
    CompletableFuture<SignInResponse> start(String username, char[] password, String deviceKey) {
        return start(AuthFlowType.USER_SRP_AUTH, Map.of("DEVICE_KEY", deviceKey), username, password);
    }

    /**
     * Proves {@code device} in answer to {@code DEVICE_SRP_AUTH}: {@code SRP_A} with the device key, then the
     * answer to {@code DEVICE_PASSWORD_VERIFIER}, computed as for a user's password with the device group key for
     * the pool name and the device key for the user name. Its result is whatever follows.
     */
    CompletableFuture<SignInResponse> proveDevice(Challenge challenge, DeviceCredentials device) {
        SrpClient srp = SrpClient.start(random);
        Map<String, String> responses = deviceResponses(challenge.username(), device);
        responses.put("SRP_A", srp.srpA());
        return client.respondToAuthChallenge(RespondToAuthChallengeRequest.builder()
                        .clientId(config.clientId())
                        .challengeName(ChallengeNameType.DEVICE_SRP_AUTH)
                        .session(challenge.session())
                        .challengeResponses(responses)
                        .build())
                .thenCompose(answered -> answerDevice(answered, srp, challenge.username(), device));
    }

    private CompletableFuture<SignInResponse> answerDevice(RespondToAuthChallengeResponse answered, SrpClient srp,
            String username, DeviceCredentials device) {
        if (answered.challengeName() != ChallengeNameType.DEVICE_PASSWORD_VERIFIER) {
            return CompletableFuture.completedFuture(ChallengeResponses.of(answered, username));
        }
        Map<String, String> challenge = answered.challengeParameters();
        String secretBlock = challenge.get("SECRET_BLOCK");
        char[] password = device.password().toCharArray();
        PasswordClaim claim;
        try {
            claim = srp.passwordClaim(device.groupKey(), device.deviceKey(), password, challenge.get("SRP_B"),
                    challenge.get("SALT"), secretBlock, timestamps.now());
        } finally {
            Arrays.fill(password, '\0');
        }
        Map<String, String> responses = deviceResponses(username, device);
        responses.put("PASSWORD_CLAIM_SIGNATURE", claim.signature());
        responses.put("PASSWORD_CLAIM_SECRET_BLOCK", secretBlock);
        responses.put("TIMESTAMP", claim.timestamp());
        return client.respondToAuthChallenge(RespondToAuthChallengeRequest.builder()
                        .clientId(config.clientId())
                        .challengeName(ChallengeNameType.DEVICE_PASSWORD_VERIFIER)
                        .session(answered.session())
                        .challengeResponses(responses)
                        .build())
                .thenApply(response -> ChallengeResponses.of(response, username));
    }

    private Map<String, String> deviceResponses(String username, DeviceCredentials device) {
        Map<String, String> responses = new HashMap<>();
        responses.put("USERNAME", username);
        responses.put("DEVICE_KEY", device.deviceKey());
        config.clientSecret().ifPresent(
                secret -> responses.put("SECRET_HASH", SecretHash.of(username, config.clientId(), secret)));
        return responses;
    }

    /**
     * Starts a custom sign-in whose first step proves the password ({@code CUSTOM_AUTH} with
     * {@code CHALLENGE_NAME} {@code SRP_A}); as {@link #start} otherwise.
     */
    CompletableFuture<SignInResponse> startCustomAuth(String username, char[] password) {
        return start(AuthFlowType.CUSTOM_AUTH, Map.of("CHALLENGE_NAME", "SRP_A"), username, password);
    }

    /**
     * Starts a choice-based sign-in with the password proven by SRP ({@code USER_AUTH} with
     * {@code PREFERRED_CHALLENGE} {@code PASSWORD_SRP} and {@code SRP_A}); as {@link #start} otherwise. If
     * Cognito does not offer {@code PASSWORD_SRP} to the user, its answer ({@code SELECT_CHALLENGE}) is the result.
     */
    CompletableFuture<SignInResponse> startUserAuth(String username, char[] password) {
        return start(AuthFlowType.USER_AUTH, Map.of("PREFERRED_CHALLENGE", "PASSWORD_SRP"), username, password);
    }

    /**
     * As {@link #startUserAuth(String, char[])}, on the device {@code deviceKey} names ({@code DEVICE_KEY} with
     * {@code InitiateAuth} and with the {@code PASSWORD_VERIFIER} answer).
     */
    CompletableFuture<SignInResponse> startUserAuth(String username, char[] password, String deviceKey) {
        return start(AuthFlowType.USER_AUTH, Map.of("PREFERRED_CHALLENGE", "PASSWORD_SRP", "DEVICE_KEY", deviceKey),
                username, password);
    }

    /** Answers {@code SELECT_CHALLENGE} with {@code PASSWORD_SRP} and {@code SRP_A}, then the password verifier. */
    CompletableFuture<SignInResponse> selectPasswordSrp(Challenge selection, char[] password) {
        SrpClient srp = SrpClient.start(random);
        String username = selection.username();
        Map<String, String> responses = new HashMap<>();
        responses.put("USERNAME", username);
        responses.put("ANSWER", "PASSWORD_SRP");
        responses.put("SRP_A", srp.srpA());
        config.clientSecret().ifPresent(
                secret -> responses.put("SECRET_HASH", SecretHash.of(username, config.clientId(), secret)));
        return client.respondToAuthChallenge(RespondToAuthChallengeRequest.builder()
                        .clientId(config.clientId())
                        .challengeName(ChallengeNameType.SELECT_CHALLENGE)
                        .session(selection.session())
                        .challengeResponses(responses)
                        .build())
                .thenCompose(selected -> selected.challengeName() == ChallengeNameType.PASSWORD_VERIFIER
                        ? verify(selected.challengeParameters(), selected.session(), srp, password, null)
                        : CompletableFuture.completedFuture(ChallengeResponses.of(selected, username)));
    }

    private CompletableFuture<SignInResponse> start(AuthFlowType flow, Map<String, String> flowParameters,
            String username, char[] password) {
        SrpClient srp = SrpClient.start(random);
        Map<String, String> parameters = new HashMap<>(flowParameters);
        parameters.put("USERNAME", username);
        parameters.put("SRP_A", srp.srpA());
        config.clientSecret().ifPresent(
                secret -> parameters.put("SECRET_HASH", SecretHash.of(username, config.clientId(), secret)));
        return client.initiateAuth(InitiateAuthRequest.builder()
                        .authFlow(flow)
                        .clientId(config.clientId())
                        .authParameters(parameters)
                        .build())
                .thenCompose(initiated -> answer(initiated, srp, username, password, flowParameters.get("DEVICE_KEY")));
    }

    private CompletableFuture<SignInResponse> answer(InitiateAuthResponse initiated, SrpClient srp, String username,
            char[] password, String deviceKey) {
        if (initiated.challengeName() != ChallengeNameType.PASSWORD_VERIFIER) {
            return CompletableFuture.completedFuture(ChallengeResponses.of(initiated, username));
        }
        return verify(initiated.challengeParameters(), initiated.session(), srp, password, deviceKey);
    }

    /**
     * Answers {@code PASSWORD_VERIFIER} (its parameters {@code challenge}, its {@code session}) with the proof, and
     * {@code DEVICE_KEY} if not null (a sign-in on a remembered device).
     */
    private CompletableFuture<SignInResponse> verify(Map<String, String> challenge, String session, SrpClient srp,
            char[] password, String deviceKey) {
        String userIdForSrp = challenge.get("USER_ID_FOR_SRP");
        String secretBlock = challenge.get("SECRET_BLOCK");
        // Checks every parameter, USER_ID_FOR_SRP included (InvalidSrpChallengeException).
        PasswordClaim claim = srp.passwordClaim(SrpClient.poolName(config.userPoolId()), userIdForSrp, password,
                challenge.get("SRP_B"), challenge.get("SALT"), secretBlock, timestamps.now());
        Map<String, String> responses = new HashMap<>();
        responses.put("USERNAME", userIdForSrp);
        responses.put("PASSWORD_CLAIM_SIGNATURE", claim.signature());
        responses.put("PASSWORD_CLAIM_SECRET_BLOCK", secretBlock);
        responses.put("TIMESTAMP", claim.timestamp());
        if (deviceKey != null) {
            responses.put("DEVICE_KEY", deviceKey);
        }
        config.clientSecret().ifPresent(
                secret -> responses.put("SECRET_HASH", SecretHash.of(userIdForSrp, config.clientId(), secret)));
        return client.respondToAuthChallenge(RespondToAuthChallengeRequest.builder()
                        .clientId(config.clientId())
                        .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                        .session(session)
                        .challengeResponses(responses)
                        .build())
                .thenApply(response -> ChallengeResponses.of(response, userIdForSrp));
    }
}
