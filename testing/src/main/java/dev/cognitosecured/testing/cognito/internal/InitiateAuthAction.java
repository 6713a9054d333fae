package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.secretscan.IssuedSecrets;
import dev.cognitosecured.testing.cognito.ExplicitAuthFlow;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code InitiateAuth}: {@code USER_PASSWORD_AUTH}, {@code USER_SRP_AUTH}, {@code CUSTOM_AUTH} (with or without
 * SRP first), {@code REFRESH_TOKEN_AUTH}, {@code USER_AUTH} ({@link ChoiceBasedSignIn}).
 */
final class InitiateAuthAction implements ActionHandler {

    private final Directory directory;
    private final SignInSteps steps;
    private final TokenService tokens;
    private final CustomAuthRounds customAuth;
    private final SrpAuthentication srp;
    private final InstantSource clock;
    private final ChoiceBasedSignIn userAuth;

    InitiateAuthAction(Directory directory, SignInSteps steps, TokenService tokens, CustomAuthRounds customAuth,
            SrpAuthentication srp, InstantSource clock, ChoiceBasedSignIn userAuth) {
        this.userAuth = userAuth;
        this.directory = directory;
        this.steps = steps;
        this.tokens = tokens;
        this.customAuth = customAuth;
        this.srp = srp;
        this.clock = clock;
    }

    @Override
    public JsonObject handle(Request request) {
        String clientId = request.required("ClientId");
        String flow = request.required("AuthFlow");
        Map<String, String> parameters = request.map("AuthParameters");
        ClientState client = directory.client(clientId);
        return switch (flow) {
            case "USER_PASSWORD_AUTH" -> userPassword(client, parameters);
            case "USER_SRP_AUTH" -> userSrp(client, parameters);
            case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" -> refresh(client, parameters);
            case "CUSTOM_AUTH" -> custom(client, parameters);
            case "USER_AUTH" -> userAuth.initiate(client, parameters, request.optional("Session"));
            case "ADMIN_NO_SRP_AUTH", "ADMIN_USER_PASSWORD_AUTH" ->
                    throw CognitoException.invalidParameter("Initiate Auth method not supported.");
            default -> throw CognitoException.invalidParameter(flow + " flow not enabled for this client");
        };
    }

    private JsonObject userPassword(ClientState client, Map<String, String> parameters) {
        requireFlow(client, ExplicitAuthFlow.USER_PASSWORD_AUTH);
        String username = Request.requiredParameter(parameters, "USERNAME");
        String password = Request.requiredParameter(parameters, "PASSWORD");
        IssuedSecrets.record(IssuedSecrets.Kind.PASSWORD, password);
        ClientSecrets.checkSecretHash(client, Optional.ofNullable(parameters.get("SECRET_HASH")), username);
        UserState user = Users.signingIn(client, username);
        Instant now = clock.instant();
        user.lockout.check(now);
        steps.beginOnDevice(client, Optional.of(user), parameters);
        if (!MessageDigest.isEqual(user.password.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8))) {
            user.lockout.recordFailure(now);
            throw CognitoException.notAuthorized(Users.INCORRECT);
        }
        Users.checkTemporaryPasswordAge(client, user, now);
        return steps.afterPassword(client, user);
    }

    private JsonObject userSrp(ClientState client, Map<String, String> parameters) {
        requireFlow(client, ExplicitAuthFlow.USER_SRP_AUTH);
        String username = Request.requiredParameter(parameters, "USERNAME");
        String srpA = Request.requiredParameter(parameters, "SRP_A");
        ClientSecrets.checkSecretHash(client, Optional.ofNullable(parameters.get("SECRET_HASH")), username);
        return passwordVerifier(client, username, srpA, false, parameters);
    }

    /**
     * The {@code PASSWORD_VERIFIER} challenge for {@code username}'s SRP sign-in, after the request's checks.
     *
     * @param thenCustomAuth whether the pool's custom challenges follow a right proof ({@code CUSTOM_AUTH})
     */
    private JsonObject passwordVerifier(ClientState client, String username, String srpA, boolean thenCustomAuth,
            Map<String, String> parameters) {
        Optional<UserState> known = client.pool.user(username);
        if (known.isEmpty() && !client.settings.preventUserExistenceErrors()) {
            throw CognitoException.userNotFound();
        }
        known.ifPresent(user -> user.lockout.check(clock.instant()));
        steps.beginOnDevice(client, known, parameters);
        // An unknown user gets a challenge like any other, for a password nobody knows: no proof can answer it.
        UserState user = known.orElseGet(() -> stranger(client, username));
        SrpAuthentication.SrpStart started;
        try {
            started = srp.begin(user.srpVerifier, srpA);
        } catch (IllegalArgumentException e) {
            throw CognitoException.invalidParameter(e.getMessage());
        }
        // Cognito names the user by user name in both parameters (its id for SRP is the user name when users
        // sign in by user name, as here), whatever alias the client typed.
        Challenge challenge = new Challenge.PasswordVerifier(started.check(), started.secretBlock(), thenCustomAuth);
        return steps.challenge(client, user, challenge,
                Json.createObjectBuilder()
                        .add("SALT", started.salt())
                        .add("SECRET_BLOCK", started.secretBlock())
                        .add("SRP_B", started.srpB())
                        .add("USERNAME", user.username)
                        .add("USER_ID_FOR_SRP", user.username));
    }

    /** A user who is not in the pool, with a random password, for a challenge that cannot be passed. */
    private UserState stranger(ClientState client, String username) {
        UserState stranger = new UserState(username, Ids.uuid());
        stranger.srpVerifier = srp.verifier(client.pool.id, username, Ids.opaque(32));
        return stranger;
    }

    /**
     * {@code CUSTOM_AUTH}: straight to the pool's custom challenges, or, with {@code CHALLENGE_NAME} {@code SRP_A}
     * and {@code SRP_A}, the password proven by SRP first. LocalCognito plays that part of the define auth
     * challenge trigger as Cognito's documentation describes it: {@code PASSWORD_VERIFIER} after {@code SRP_A},
     * custom challenges after a right proof, and a wrong proof fails the sign-in. Any other {@code CHALLENGE_NAME}
     * than those two and {@code CUSTOM_CHALLENGE} is refused.
     */
    private JsonObject custom(ClientState client, Map<String, String> parameters) {
        requireFlow(client, ExplicitAuthFlow.CUSTOM_AUTH);
        String username = Request.requiredParameter(parameters, "USERNAME");
        ClientSecrets.checkSecretHash(client, Optional.ofNullable(parameters.get("SECRET_HASH")), username);
        CustomAuthRounds.triggers(client);
        String first = parameters.getOrDefault("CHALLENGE_NAME", "CUSTOM_CHALLENGE");
        switch (first) {
            case "SRP_A":
                return passwordVerifier(client, username, Request.requiredParameter(parameters, "SRP_A"), true,
                        parameters);
            case "CUSTOM_CHALLENGE":
                UserState user = Users.signingIn(client, username);
                user.lockout.check(clock.instant());
                return customAuth.next(client, user, List.of());
            default:
                throw CognitoException.invalidParameter(
                        "CHALLENGE_NAME must be SRP_A or CUSTOM_CHALLENGE to start CUSTOM_AUTH, not " + first);
        }
    }

    private JsonObject refresh(ClientState client, Map<String, String> parameters) {
        String token = Request.requiredParameter(parameters, "REFRESH_TOKEN");
        Optional<String> secretHash = Optional.ofNullable(parameters.get("SECRET_HASH"));
        ClientSecrets.requireSecretHash(client, secretHash);
        if (client.settings.refreshTokenRotation()) {
            throw CognitoException.invalidParameter(
                    "Refresh token rotation is enabled for this client: refresh with GetTokensFromRefreshToken");
        }
        RefreshTokenState state = tokens.usableRefreshToken(token, client,
                Optional.ofNullable(parameters.get("DEVICE_KEY")).filter(key -> !key.isEmpty()));
        ClientSecrets.checkSecretHash(client, secretHash, state.family.user.username);
        return Json.createObjectBuilder()
                .add("AuthenticationResult", tokens.refresh(state, false).toJson())
                .add("ChallengeParameters", Json.createObjectBuilder())
                .build();
    }

    private static void requireFlow(ClientState client, ExplicitAuthFlow flow) {
        if (!client.settings.authFlows().contains(flow)) {
            throw CognitoException.invalidParameter(flow.name() + " flow not enabled for this client");
        }
    }
}
