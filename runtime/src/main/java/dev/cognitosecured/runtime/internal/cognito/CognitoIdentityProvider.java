package dev.cognitosecured.runtime.internal.cognito;

import dev.cognitosecured.runtime.FirstFactor;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.internal.cognito.CognitoFailures.Call;
import dev.cognitosecured.runtime.internal.cognito.srp.SrpTimestamp;
import dev.cognitosecured.runtime.internal.config.PoolConfig;
import dev.cognitosecured.runtime.internal.config.PoolKeys;
import dev.cognitosecured.runtime.internal.cognito.srp.DeviceVerifier;
import dev.cognitosecured.runtime.spi.Challenge;
import dev.cognitosecured.runtime.spi.ConfirmedDevice;
import dev.cognitosecured.runtime.spi.DeviceCredentials;
import dev.cognitosecured.runtime.spi.IdentityProvider;
import dev.cognitosecured.runtime.spi.SignInResponse;
import dev.cognitosecured.runtime.spi.SoftwareTokenAssociation;
import dev.cognitosecured.runtime.spi.Tokens;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClientBuilder;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssociateSoftwareTokenRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConfirmDeviceRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceSecretVerifierConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetTokensFromRefreshTokenRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RevokeTokenRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

/**
 * The default {@link IdentityProvider}: the Cognito Identity Provider API through the AWS SDK v2's
 * asynchronous client, over the Netty HTTP client.
 *
 * <ul>
 *   <li>{@link #startSignIn}: {@code InitiateAuth} with {@code USER_SRP_AUTH} (then the answer to
 *       {@code PASSWORD_VERIFIER}, computed from the password by SRP, with a {@code TIMESTAMP} read from
 *       the wall clock given at construction) or {@code USER_PASSWORD_AUTH}, as the pool's
 *       {@code auth-flow} says; the tokens or the challenge that follows the password. With
 *       {@code CUSTOM_AUTH}: {@code InitiateAuth CUSTOM_AUTH} with {@code CHALLENGE_NAME} {@code SRP_A} and
 *       {@code SRP_A} when a password is given (the password is proven by SRP as above, then the pool's
 *       triggers issue their {@code CUSTOM_CHALLENGE}s), with {@code USERNAME} alone when it is empty.</li>
 *   <li>{@link #startUserAuth}: {@code InitiateAuth USER_AUTH}, with {@code PREFERRED_CHALLENGE} and the password
 *       factor's parameters when a first factor is preferred; on a remembered device with its {@code DEVICE_KEY}
 *       (also in the {@code PASSWORD_VERIFIER} answer), dropped and started again once if Cognito no longer knows
 *       it, as {@link #startSignIn} does.</li>
 *   <li>{@link #respond}: {@code RespondToAuthChallenge} with the challenge's session, {@code USERNAME}
 *       and, for a client with a secret, {@code SECRET_HASH}; {@link #associateSoftwareToken} and
 *       {@link #verifySoftwareToken}: the same by session, during {@code MFA_SETUP}. A wrong code or a
 *       new password that breaks the policy fails with {@link dev.cognitosecured.runtime.WrongAnswerException}
 *       ({@code canRetry() == true}); a session Cognito no longer accepts with
 *       {@link dev.cognitosecured.runtime.ChallengeExpiredException}.</li>
 *   <li>{@link #signIn}: {@code InitiateAuth} with {@code USER_PASSWORD_AUTH}, for sign-ins without
 *       challenges. A challenge in the answer fails it with {@link SignInRequiredException}.
 *       A wrong user name or password fails with {@link dev.cognitosecured.runtime.WrongAnswerException}
 *       ({@code canRetry() == true}), with one message for both.</li>
 *   <li>{@link #refresh}: {@code InitiateAuth} with {@code REFRESH_TOKEN_AUTH}, or
 *       {@code GetTokensFromRefreshToken} (which may rotate the refresh token), as configured. A rejected
 *       refresh token fails with {@link SignInRequiredException}; throttling, a 5xx or a network error
 *       with {@link dev.cognitosecured.runtime.TransportException}.</li>
 *   <li>{@link #revoke}: {@code RevokeToken}.</li>
 * </ul>
 *
 * <p>These calls are not signed with AWS credentials: Cognito authenticates them by the app client id
 * and, when the client has one, its secret ({@code SECRET_HASH}, or {@code ClientSecret} for the APIs that
 * take it).
 */
public final class CognitoIdentityProvider implements IdentityProvider, AutoCloseable {

    /** How many attempts the SDK's standard retry strategy makes of one request, the first included. */
    static final int MAX_ATTEMPTS = 3;

    private final CognitoIdentityProviderAsyncClient client;
    private final PoolConfig config;
    private final SrpSignIn srp;
    private final CognitoFailures failures;
    private final SecureRandom random = new SecureRandom();

    /**
     * A provider that uses {@code client} and closes it when closed. For tests and applications that
     * need to configure the client themselves (interceptors, retries, timeouts).
     */
    public CognitoIdentityProvider(CognitoIdentityProviderAsyncClient client, PoolConfig config) {
        this(client, config, InstantSource.system());
    }

    /**
     * As {@link #CognitoIdentityProvider(CognitoIdentityProviderAsyncClient, PoolConfig)}, signing SRP
     * timestamps with the time {@code wallClock} gives (Cognito refuses one far from its own clock): for
     * tests whose Cognito stand-in runs on a manual clock.
     */
    public CognitoIdentityProvider(CognitoIdentityProviderAsyncClient client, PoolConfig config,
            InstantSource wallClock) {
        this.client = Objects.requireNonNull(client, "client");
        this.config = Objects.requireNonNull(config, "config");
        this.failures = new CognitoFailures(config.limits().cognitoTimeout(),
                PoolKeys.of(config.name()).full(PoolKeys.COGNITO_TIMEOUT));
        this.srp = new SrpSignIn(client, config, new SrpTimestamp(wallClock.withZone(ZoneOffset.UTC)), random);
    }

    /**
     * A provider for {@code config}: its region, its {@code endpoint} override if set, anonymous
     * credentials and a Netty HTTP client that closes with the provider.
     */
    public static CognitoIdentityProvider create(PoolConfig config) {
        return new CognitoIdentityProvider(clientBuilder(config).build(), config);
    }

    /**
     * The builder {@link #create} uses, for callers that want to add to it (an interceptor, an
     * override configuration) before building.
     *
     * <p>Every request is bounded and retried by the AWS SDK itself ({@link #overrides}): the whole
     * request, every retry included, ends within {@code cognito.timeout}; one attempt within a third
     * of it; throttling, HTTP 5xx and I/O errors are retried by the SDK's standard strategy (at most
     * {@value #MAX_ATTEMPTS} attempts, full-jitter exponential back-off), Cognito's answers about the
     * request (a wrong password, a rejected refresh token) never. To add to the override configuration,
     * start from {@code builder.overrideConfiguration().toBuilder()}: the SDK's
     * {@code overrideConfiguration(Consumer)} starts from an empty one and would drop these bounds.
     */
    public static CognitoIdentityProviderAsyncClientBuilder clientBuilder(PoolConfig config) {
        CognitoIdentityProviderAsyncClientBuilder builder = CognitoIdentityProviderAsyncClient.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder())
                .overrideConfiguration(overrides(config.limits().cognitoTimeout()));
        config.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    /**
     * The SDK's bounds for a pool whose {@code cognito.timeout} is {@code timeout}: the API call
     * timeout (all attempts and back-off), an attempt timeout of a third of it (so that a server that
     * accepts and stays silent is tried again within the timeout), and the standard retry strategy.
     */
    static ClientOverrideConfiguration overrides(Duration timeout) {
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(timeout)
                .apiCallAttemptTimeout(timeout.dividedBy(MAX_ATTEMPTS))
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(MAX_ATTEMPTS)
                        .build())
                .build();
    }

    @Override
    public CompletionStage<Tokens> signIn(String username, char[] password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        return call(() -> passwordAuth(username, password).thenApply(CognitoIdentityProvider::tokensOrChallenge),
                failures::ofSignIn);
    }

    /**
     * {@inheritDoc}
     *
     * <p>With {@code USER_PASSWORD_AUTH} the password goes to Cognito (over TLS) in a request, which needs
     * it as a {@code String}: that copy cannot be cleared, and lives until it is garbage collected. SRP
     * sends no copy of it. A wrong user name or password fails with
     * {@link dev.cognitosecured.runtime.WrongAnswerException} ({@code canRetry() == true}), one message for both.
     *
     * <p>With {@code CUSTOM_AUTH}, a password proves itself by SRP before the custom challenges; an empty
     * password starts them straight away.
     *
     * @throws IllegalArgumentException if {@code password} is empty and the flow needs one
     */
    @Override
    public CompletionStage<SignInResponse> startSignIn(String username, char[] password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (password.length == 0 && !signsInWithoutPassword()) {
            throw new IllegalArgumentException("The password is empty.");
        }
        char[] copy = password.clone();
        CompletionStage<SignInResponse> started = switch (config.authFlow()) {
            case USER_SRP_AUTH -> call(() -> srp.start(username, copy),
                    failure -> failures.ofSignIn(failure, Call.SRP_SIGN_IN));
            case USER_PASSWORD_AUTH -> call(() -> passwordAuth(username, copy)
                    .thenApply(response -> ChallengeResponses.of(response, username)), failures::ofSignIn);
            case CUSTOM_AUTH -> copy.length == 0
                    ? call(() -> customAuth(username).thenApply(response -> ChallengeResponses.of(response, username)),
                            failure -> failures.ofSignIn(failure, Call.CUSTOM_SIGN_IN))
                    : call(() -> srp.startCustomAuth(username, copy),
                            failure -> failures.ofSignIn(failure, Call.CUSTOM_SRP_SIGN_IN));
        };
        return started.whenComplete((response, failure) -> Arrays.fill(copy, '\0'));
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code DEVICE_KEY} goes with {@code InitiateAuth} ({@code USER_SRP_AUTH}, and its {@code PASSWORD_VERIFIER}
     * answer, or {@code USER_PASSWORD_AUTH}; a {@code CUSTOM_AUTH} sign-in ignores the device). If Cognito answers
     * that the device does not exist ({@code ResourceNotFoundException}: forgotten, or the pool no longer tracks it),
     * the sign-in starts again without it, once.
     */
    @Override
    public CompletionStage<SignInResponse> startSignIn(String username, char[] password, DeviceCredentials device) {
        Objects.requireNonNull(device, "device");
        if (config.authFlow() == PoolConfig.AuthFlowType.CUSTOM_AUTH) {
            return startSignIn(username, password);
        }
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (password.length == 0) {
            throw new IllegalArgumentException("The password is empty.");
        }
        char[] copy = password.clone();
        String deviceKey = device.deviceKey();
        CompletionStage<SignInResponse> started = switch (config.authFlow()) {
            case USER_SRP_AUTH -> call(() -> srp.start(username, copy, deviceKey)
                            .exceptionallyCompose(failure -> isUnknownDevice(failure) ? srp.start(username, copy)
                                    : CompletableFuture.failedFuture(failure)),
                    failure -> failures.ofSignIn(failure, Call.SRP_SIGN_IN));
            default -> call(() -> passwordAuth(username, copy, Map.of("DEVICE_KEY", deviceKey))
                            .exceptionallyCompose(failure -> isUnknownDevice(failure) ? passwordAuth(username, copy)
                                    : CompletableFuture.failedFuture(failure))
                            .thenApply(response -> ChallengeResponses.of(response, username)),
                    failures::ofSignIn);
        };
        return started.whenComplete((response, failure) -> Arrays.fill(copy, '\0'));
    }

    /** Whether Cognito answered that the device named by {@code DEVICE_KEY} does not exist. */
    private static boolean isUnknownDevice(Throwable failure) {
        Throwable f = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return f instanceof ResourceNotFoundException;
    }

    @Override
    public CompletionStage<SignInResponse> proveDevice(Challenge challenge, DeviceCredentials device) {
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(device, "device");
        return call(() -> srp.proveDevice(challenge, device), failures::ofDeviceProof);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The device password is 40 random bytes (Base64); the verifier is computed from it, a random salt, the device
     * group key and the device key ({@code DeviceSecretVerifierConfig}); the password never leaves the process.
     */
    @Override
    public CompletionStage<ConfirmedDevice> confirmDevice(Tokens tokens, SignInResponse.NewDevice device,
            String deviceName) {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(deviceName, "deviceName");
        return call(() -> {
            DeviceVerifier verifier = DeviceVerifier.create(device.groupKey(), device.deviceKey(), random);
            return client.confirmDevice(ConfirmDeviceRequest.builder()
                            .accessToken(tokens.accessToken())
                            .deviceKey(device.deviceKey())
                            .deviceName(deviceName)
                            .deviceSecretVerifierConfig(DeviceSecretVerifierConfigType.builder()
                                    .salt(verifier.salt())
                                    .passwordVerifier(verifier.verifier())
                                    .build())
                            .build())
                    .thenApply(response -> new ConfirmedDevice(
                            DeviceCredentials.of(device.deviceKey(), device.groupKey(), verifier.password()),
                            Boolean.TRUE.equals(response.userConfirmationNecessary())));
        }, failure -> failures.ofDeviceCall(failure, "ConfirmDevice"));
    }

    /**
     * Whether {@link #startSignIn} takes an empty password: with {@code CUSTOM_AUTH}, where the pool's custom
     * challenges may stand in for it.
     */
    private boolean signsInWithoutPassword() {
        return config.authFlow() == PoolConfig.AuthFlowType.CUSTOM_AUTH;
    }

    /** {@inheritDoc} {@code InitiateAuth USER_AUTH} with {@code USERNAME} (and {@code SECRET_HASH}). */
    @Override
    public CompletionStage<SignInResponse> startUserAuth(String username) {
        Objects.requireNonNull(username, "username");
        return call(() -> userAuth(username, Map.of(), null)
                        .thenApply(response -> ChallengeResponses.of(response, username)),
                failure -> failures.ofSignIn(failure, Call.USER_AUTH));
    }

    /**
     * {@inheritDoc} {@code PASSWORD} goes out in {@code PASSWORD} (a {@code String} copy, as with
     * {@code USER_PASSWORD_AUTH}); {@code PASSWORD_SRP} sends no copy of it.
     *
     * @throws IllegalArgumentException if a password factor comes with an empty password, or another with one
     */
    @Override
    public CompletionStage<SignInResponse> startUserAuth(String username, FirstFactor preferred, char[] password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(preferred, "preferred");
        Objects.requireNonNull(password, "password");
        requirePasswordFor(preferred, password);
        char[] copy = password.clone();
        CompletionStage<SignInResponse> started = preferred == FirstFactor.PASSWORD_SRP
                ? call(() -> srp.startUserAuth(username, copy), failure -> failures.ofSignIn(failure, Call.USER_AUTH))
                : call(() -> preferredUserAuth(username, preferred, copy, Map.of())
                        .thenApply(response -> ChallengeResponses.of(response, username)),
                        failure -> failures.ofSignIn(failure, Call.USER_AUTH));
        return started.whenComplete((response, failure) -> Arrays.fill(copy, '\0'));
    }

    /**
     * {@inheritDoc} {@code DEVICE_KEY} goes with {@code InitiateAuth USER_AUTH}, as with {@code USER_SRP_AUTH}. If
     * Cognito answers that the device does not exist ({@code ResourceNotFoundException}: forgotten, or the pool no
     * longer tracks it), the sign-in starts again without it, once.
     */
    @Override
    public CompletionStage<SignInResponse> startUserAuth(String username, DeviceCredentials device) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(device, "device");
        Map<String, String> onDevice = Map.of("DEVICE_KEY", device.deviceKey());
        return call(() -> userAuth(username, onDevice, null)
                        .exceptionallyCompose(failure -> isUnknownDevice(failure) ? userAuth(username, Map.of(), null)
                                : CompletableFuture.failedFuture(failure))
                        .thenApply(response -> ChallengeResponses.of(response, username)),
                failure -> failures.ofSignIn(failure, Call.USER_AUTH));
    }

    /**
     * {@inheritDoc} {@code DEVICE_KEY} goes with {@code InitiateAuth USER_AUTH} and, for {@code PASSWORD_SRP}, with the
     * {@code PASSWORD_VERIFIER} answer. If Cognito answers that the device does not exist
     * ({@code ResourceNotFoundException}), the sign-in starts again without it, once.
     *
     * @throws IllegalArgumentException if a password factor comes with an empty password, or another with one
     */
    @Override
    public CompletionStage<SignInResponse> startUserAuth(String username, FirstFactor preferred, char[] password,
            DeviceCredentials device) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(preferred, "preferred");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(device, "device");
        requirePasswordFor(preferred, password);
        char[] copy = password.clone();
        String deviceKey = device.deviceKey();
        CompletionStage<SignInResponse> started = preferred == FirstFactor.PASSWORD_SRP
                ? call(() -> srp.startUserAuth(username, copy, deviceKey)
                                .exceptionallyCompose(failure -> isUnknownDevice(failure) ? srp.startUserAuth(username, copy)
                                        : CompletableFuture.failedFuture(failure)),
                        failure -> failures.ofSignIn(failure, Call.USER_AUTH))
                : call(() -> preferredUserAuth(username, preferred, copy, Map.of("DEVICE_KEY", deviceKey))
                                .exceptionallyCompose(failure -> isUnknownDevice(failure)
                                        ? preferredUserAuth(username, preferred, copy, Map.of())
                                        : CompletableFuture.failedFuture(failure))
                                .thenApply(response -> ChallengeResponses.of(response, username)),
                        failure -> failures.ofSignIn(failure, Call.USER_AUTH));
        return started.whenComplete((response, failure) -> Arrays.fill(copy, '\0'));
    }

    /**
     * {@code InitiateAuth USER_AUTH} with {@code PREFERRED_CHALLENGE} {@code preferred} (not {@code PASSWORD_SRP}),
     * {@code PASSWORD} for {@code PASSWORD}, and {@code parameters} besides.
     */
    private CompletableFuture<InitiateAuthResponse> preferredUserAuth(String username, FirstFactor preferred,
            char[] password, Map<String, String> parameters) {
        Map<String, String> all = new HashMap<>(parameters);
        all.put("PREFERRED_CHALLENGE", preferred.name());
        if (preferred == FirstFactor.PASSWORD) {
            all.put("PASSWORD", new String(password));
        }
        return userAuth(username, all, null);
    }

    @Override
    public CompletionStage<SignInResponse> selectFirstFactor(Challenge selection, FirstFactor factor, char[] password) {
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(password, "password");
        requirePasswordFor(factor, password);
        if (factor == FirstFactor.PASSWORD_SRP) {
            char[] copy = password.clone();
            return call(() -> srp.selectPasswordSrp(selection, copy),
                    failure -> failures.ofFirstFactor(failure, "RespondToAuthChallenge (SELECT_CHALLENGE PASSWORD_SRP)"))
                    .whenComplete((response, failure) -> Arrays.fill(copy, '\0'));
        }
        Map<String, String> responses = new HashMap<>();
        responses.put("ANSWER", factor.name());
        if (factor == FirstFactor.PASSWORD) {
            responses.put("PASSWORD", new String(password));
        }
        return respond(selection, responses, failure ->
                failures.ofFirstFactor(failure, "RespondToAuthChallenge (SELECT_CHALLENGE " + factor + ")"));
    }

    /** {@inheritDoc} {@code InitiateAuth USER_AUTH} with {@code USERNAME} and the request's {@code Session}. */
    @Override
    public CompletionStage<SignInResponse> startUserAuthAfterSignUp(String username, String confirmationSession) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(confirmationSession, "confirmationSession");
        return call(() -> userAuth(username, Map.of(), confirmationSession)
                        .thenApply(response -> ChallengeResponses.of(response, username)),
                failure -> failures.ofChallenge(failure, Call.USER_AUTH.label()));
    }

    private static void requirePasswordFor(FirstFactor factor, char[] password) {
        if (factor.isPassword() && password.length == 0) {
            throw new IllegalArgumentException("The password is empty.");
        }
        if (!factor.isPassword() && password.length != 0) {
            throw new IllegalArgumentException("The first factor " + factor + " takes no password.");
        }
    }

    /** {@code InitiateAuth USER_AUTH} with {@code parameters} besides the user's, and a session if not null. */
    private CompletableFuture<InitiateAuthResponse> userAuth(String username, Map<String, String> parameters,
            String session) {
        Map<String, String> all = new HashMap<>(parameters);
        all.put("USERNAME", username);
        config.clientSecret().ifPresent(
                secret -> all.put("SECRET_HASH", SecretHash.of(username, config.clientId(), secret)));
        return client.initiateAuth(InitiateAuthRequest.builder()
                .authFlow(AuthFlowType.USER_AUTH)
                .clientId(config.clientId())
                .authParameters(all)
                .session(session)
                .build());
    }

    @Override
    public CompletionStage<SignInResponse> respond(Challenge challenge, Map<String, String> responses) {
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(responses, "responses");
        String label = "RespondToAuthChallenge (" + challenge.name() + ")";
        return respond(challenge, responses, failure -> failures.ofChallenge(failure, label));
    }

    private CompletionStage<SignInResponse> respond(Challenge challenge, Map<String, String> responses,
            Function<Throwable, Throwable> mapping) {
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(responses, "responses");
        String label = "RespondToAuthChallenge (" + challenge.name() + ")";
        return call(() -> {
            Map<String, String> all = new HashMap<>(responses);
            all.put("USERNAME", challenge.username());
            config.clientSecret().ifPresent(secret ->
                    all.put("SECRET_HASH", SecretHash.of(challenge.username(), config.clientId(), secret)));
            return client.respondToAuthChallenge(RespondToAuthChallengeRequest.builder()
                            .clientId(config.clientId())
                            .challengeName(challenge.name())
                            .session(challenge.session())
                            .challengeResponses(all)
                            .build())
                    .thenApply(response -> ChallengeResponses.of(response, challenge.username()));
        }, mapping);
    }

    @Override
    public CompletionStage<SoftwareTokenAssociation> associateSoftwareToken(Challenge challenge) {
        Objects.requireNonNull(challenge, "challenge");
        return call(() -> client.associateSoftwareToken(AssociateSoftwareTokenRequest.builder()
                                .session(challenge.session())
                                .build())
                        .thenApply(response -> new SoftwareTokenAssociation(
                                present(response.secretCode(), "SecretCode", "AssociateSoftwareToken"),
                                challenge.withSession(present(response.session(), "Session", "AssociateSoftwareToken")))),
                failure -> failures.ofChallenge(failure, "AssociateSoftwareToken"));
    }

    @Override
    public CompletionStage<Challenge> verifySoftwareToken(Challenge challenge, String code) {
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(code, "code");
        return call(() -> client.verifySoftwareToken(VerifySoftwareTokenRequest.builder()
                                .session(challenge.session())
                                .userCode(code)
                                .build())
                        .thenApply(response -> {
                            if (response.status() != VerifySoftwareTokenResponseType.SUCCESS) {
                                throw new WrongAnswerException("Cognito did not accept the authenticator app's code"
                                        + " (VerifySoftwareToken answered " + response.statusAsString() + ")."
                                        + " Start the sign-in again.", false, null);
                            }
                            return challenge.withSession(present(response.session(), "Session", "VerifySoftwareToken"));
                        }),
                failure -> failures.ofChallenge(failure, "VerifySoftwareToken"));
    }

    @Override
    public CompletionStage<Tokens> refresh(Tokens current) {
        Objects.requireNonNull(current, "current");
        if (current.refreshToken().isEmpty()) {
            return CompletableFuture.failedFuture(new SignInRequiredException(
                    "These tokens came without a refresh token, so they cannot be refreshed. Sign in again."));
        }
        String refreshToken = current.refreshToken().get();
        return switch (config.refreshMode()) {
            case REFRESH_TOKEN_AUTH -> refreshTokenAuth(refreshToken, current.username(), current.deviceKey());
            case GET_TOKENS_FROM_REFRESH_TOKEN -> getTokensFromRefreshToken(refreshToken, current.deviceKey());
        };
    }

    @Override
    public CompletionStage<Void> revoke(Tokens current) {
        Objects.requireNonNull(current, "current");
        if (current.refreshToken().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return call(() -> client.revokeToken(RevokeTokenRequest.builder()
                                .token(current.refreshToken().get())
                                .clientId(config.clientId())
                                .clientSecret(config.clientSecret().orElse(null))
                                .build())
                        .<Void>thenApply(response -> null),
                failures::ofRevoke);
    }

    /** Closes the SDK client and its HTTP client. */
    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "CognitoIdentityProvider[pool=" + config.name() + ", userPoolId=" + config.userPoolId()
                + ", authFlow=" + config.authFlow() + ", refreshMode=" + config.refreshMode() + "]";
    }

    private CompletableFuture<InitiateAuthResponse> passwordAuth(String username, char[] password) {
        return passwordAuth(username, password, Map.of());
    }

    private CompletableFuture<InitiateAuthResponse> passwordAuth(String username, char[] password,
            Map<String, String> more) {
        Map<String, String> parameters = new HashMap<>(more);
        parameters.put("USERNAME", username);
        parameters.put("PASSWORD", new String(password));
        config.clientSecret().ifPresent(
                secret -> parameters.put("SECRET_HASH", SecretHash.of(username, config.clientId(), secret)));
        return client.initiateAuth(InitiateAuthRequest.builder()
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .clientId(config.clientId())
                .authParameters(parameters)
                .build());
    }

    /** {@code InitiateAuth CUSTOM_AUTH} with no password: the pool's triggers issue the first challenge. */
    private CompletableFuture<InitiateAuthResponse> customAuth(String username) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("USERNAME", username);
        config.clientSecret().ifPresent(
                secret -> parameters.put("SECRET_HASH", SecretHash.of(username, config.clientId(), secret)));
        return client.initiateAuth(InitiateAuthRequest.builder()
                .authFlow(AuthFlowType.CUSTOM_AUTH)
                .clientId(config.clientId())
                .authParameters(parameters)
                .build());
    }

    private static String present(String value, String field, String call) {
        if (value == null || value.isEmpty()) {
            throw new MalformedTokenException("the answer to " + call + " holds no " + field);
        }
        return value;
    }

    private CompletionStage<Tokens> refreshTokenAuth(String refreshToken, String username, Optional<String> deviceKey) {
        return call(() -> {
            Map<String, String> parameters = new HashMap<>();
            parameters.put("REFRESH_TOKEN", refreshToken);
            deviceKey.ifPresent(key -> parameters.put("DEVICE_KEY", key));
            config.clientSecret().ifPresent(
                    secret -> parameters.put("SECRET_HASH", SecretHash.of(username, config.clientId(), secret)));
            return client.initiateAuth(InitiateAuthRequest.builder()
                            .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                            .clientId(config.clientId())
                            .authParameters(parameters)
                            .build())
                    .thenApply(CognitoIdentityProvider::tokensOrChallenge);
        }, failure -> failures.ofRefresh(failure, Call.REFRESH_TOKEN_AUTH));
    }

    private CompletionStage<Tokens> getTokensFromRefreshToken(String refreshToken, Optional<String> deviceKey) {
        return call(() -> client.getTokensFromRefreshToken(GetTokensFromRefreshTokenRequest.builder()
                                .refreshToken(refreshToken)
                                .deviceKey(deviceKey.orElse(null))
                                .clientId(config.clientId())
                                .clientSecret(config.clientSecret().orElse(null))
                                .build())
                        .thenApply(response -> IssuedTokens.from(response.authenticationResult())),
                failure -> failures.ofRefresh(failure, Call.GET_TOKENS_FROM_REFRESH_TOKEN));
    }

    private static Tokens tokensOrChallenge(InitiateAuthResponse response) {
        if (response.authenticationResult() == null && response.challengeName() != null) {
            // The session that comes with the challenge is a secret: it is not named.
            throw new SignInRequiredException("Cognito answered the sign-in with the challenge "
                    + response.challengeNameAsString() + ", and IdentityProvider.signIn does not support challenges."
                    + " Sign in through SignIn.start, which answers them.");
        }
        return IssuedTokens.from(response.authenticationResult());
    }

    /**
     * Runs {@code request}, which starts a call, and maps any failure, thrown or completed, with
     * {@code mapping}. Returns at once.
     */
    private <T> CompletionStage<T> call(
            Supplier<CompletableFuture<T>> request, Function<Throwable, Throwable> mapping) {
        return CognitoRequest.send(request, failures, mapping);
    }
}
