package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.secretscan.IssuedSecrets;
import dev.cognitosecured.testing.cognito.AuthFactor;
import dev.cognitosecured.testing.cognito.ClientSettings;
import dev.cognitosecured.testing.cognito.LocalDevice;
import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.cognito.PoolSettings;
import dev.cognitosecured.testing.cognito.SentCode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * LocalCognito's state and rules, without HTTP: answers actions and seeds pools, clients and users. One lock
 * guards all state; requests are short, so they simply take turns.
 */
public final class CognitoService {

    private final ReentrantLock lock = new ReentrantLock();
    private final String region;
    private final Directory directory = new Directory();
    private final TokenIssuer issuer;
    private final Map<String, ActionHandler> handlers;
    private final Passwords passwords;
    private final TokenService tokens;
    private final ChallengeSessions sessions;
    private final Codes codes;
    /** Requests per action and {@code AuthFlow} or {@code ChallengeName}, keyed {@code "<action> <name>"}. */
    private final Map<String, AtomicLong> flowCounts = new ConcurrentHashMap<>();

    /**
     * @param endpoint where LocalCognito listens; the tokens' issuer is {@code <endpoint>/<pool id>}
     * @param region the region in pool ids
     * @param clock the time of tokens, sessions and codes
     * @param srp the server side of SRP
     */
    public CognitoService(URI endpoint, String region, InstantSource clock, SrpAuthentication srp) {
        this.region = region;
        this.issuer = new TokenIssuer(endpoint);
        this.tokens = new TokenService(issuer, clock);
        this.sessions = new ChallengeSessions(clock);
        this.codes = new Codes(clock);
        SignInSteps steps = new SignInSteps(sessions, tokens, codes, clock);
        DeviceActions devices = new DeviceActions(tokens, clock);
        this.passwords = new Passwords(srp, clock);
        AccessTokenActions accessTokenActions = new AccessTokenActions(tokens);
        SoftwareTokenActions softwareTokens = new SoftwareTokenActions(sessions, tokens, clock);
        CustomAuthRounds customAuth = new CustomAuthRounds(sessions, steps);
        ChoiceBasedSignIn userAuth = new ChoiceBasedSignIn(directory, steps, sessions, srp, clock, codes);
        WebAuthnActions webAuthn = new WebAuthnActions(tokens, clock);
        UserAccountActions account = new UserAccountActions(tokens, passwords, codes, clock);
        SignUpActions signUp = new SignUpActions(directory, passwords, codes);
        this.handlers = Map.ofEntries(
                Map.entry("InitiateAuth", new InitiateAuthAction(directory, steps, tokens, customAuth, srp, clock,
                        userAuth)),
                Map.entry("RespondToAuthChallenge", new RespondToAuthChallengeAction(directory, sessions,
                        new NewPasswordAnswer(sessions, steps, passwords),
                        new MfaCodeAnswer(sessions, steps, clock),
                        new MfaChoiceAnswer(sessions, steps),
                        new PasswordVerifierAnswer(sessions, steps, customAuth, clock),
                        customAuth, userAuth,
                        new DeviceAnswers(sessions, steps, srp, clock))),
                Map.entry("GetTokensFromRefreshToken", new GetTokensFromRefreshTokenAction(directory, tokens)),
                Map.entry("RevokeToken", new RevokeTokenAction(directory, tokens)),
                Map.entry("GlobalSignOut", accessTokenActions::globalSignOut),
                Map.entry("GetUser", accessTokenActions::getUser),
                Map.entry("SetUserMFAPreference", accessTokenActions::setUserMfaPreference),
                Map.entry("AssociateSoftwareToken", softwareTokens::associate),
                Map.entry("VerifySoftwareToken", softwareTokens::verify),
                Map.entry("StartWebAuthnRegistration", webAuthn::start),
                Map.entry("CompleteWebAuthnRegistration", webAuthn::complete),
                Map.entry("ListWebAuthnCredentials", webAuthn::list),
                Map.entry("DeleteWebAuthnCredential", webAuthn::delete),
                Map.entry("ConfirmDevice", devices::confirm),
                Map.entry("UpdateDeviceStatus", devices::updateStatus),
                Map.entry("ListDevices", devices::list),
                Map.entry("GetDevice", devices::get),
                Map.entry("ForgetDevice", devices::forget),
                Map.entry("SignUp", signUp::signUp),
                Map.entry("ConfirmSignUp", request -> userAuth.withSignInSession(request, signUp.confirmSignUp(request))),
                Map.entry("ResendConfirmationCode", signUp::resendConfirmationCode),
                Map.entry("ForgotPassword", signUp::forgotPassword),
                Map.entry("ConfirmForgotPassword", signUp::confirmForgotPassword),
                Map.entry("ChangePassword", account::changePassword),
                Map.entry("UpdateUserAttributes", account::updateUserAttributes),
                Map.entry("GetUserAttributeVerificationCode", account::getUserAttributeVerificationCode),
                Map.entry("VerifyUserAttribute", account::verifyUserAttribute),
                Map.entry("DeleteUserAttributes", account::deleteUserAttributes),
                Map.entry("DeleteUser", account::deleteUser));
    }

    /**
     * The answer to {@code action} with request body {@code body}.
     *
     * @throws CognitoException for an error answer
     */
    public JsonObject handle(String action, JsonObject body) {
        ActionHandler handler = handlers.get(action);
        if (handler == null) {
            throw CognitoException.unknownOperation(action);
        }
        countFlow(action, body);
        return locked(() -> {
            sessions.beginRequest(Optional.empty());
            return handler.handle(new Request(body));
        });
    }

    /** Counts the request by its {@code AuthFlow} or {@code ChallengeName}, if it is a sign-in request naming one. */
    private void countFlow(String action, JsonObject body) {
        String field = switch (action) {
            case "InitiateAuth" -> "AuthFlow";
            case "RespondToAuthChallenge" -> "ChallengeName";
            default -> null;
        };
        if (field != null && body.get(field) instanceof JsonString flow) {
            flowCounts.computeIfAbsent(action + " " + flow.getString(), key -> new AtomicLong()).incrementAndGet();
        }
    }

    /**
     * How many requests for {@code action} named {@code flow}: the {@code AuthFlow} of {@code InitiateAuth}, the
     * {@code ChallengeName} of {@code RespondToAuthChallenge}.
     */
    public long flowCount(String action, String flow) {
        AtomicLong count = flowCounts.get(action + " " + flow);
        return count == null ? 0 : count.get();
    }

    /** Sets the counts of {@link #flowCount} back to zero. */
    public void resetFlowCounts() {
        flowCounts.clear();
    }

    /** The JSON Web Key Set of pool {@code poolId}, if it exists. */
    public Optional<String> jwks(String poolId) {
        return locked(() -> directory.pool(poolId).map(pool -> issuer.jwks()));
    }

    /** The OpenID configuration of pool {@code poolId}, if it exists. */
    public Optional<String> openIdConfiguration(String poolId) {
        return locked(() -> directory.pool(poolId).map(pool -> Json.createObjectBuilder()
                .add("issuer", issuer.issuer(poolId))
                .add("jwks_uri", issuer.issuer(poolId) + "/.well-known/jwks.json")
                .add("id_token_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"))
                .add("subject_types_supported", Json.createArrayBuilder().add("public"))
                .build()
                .toString()));
    }

    /** The {@code iss} of the tokens of pool {@code poolId}. */
    public String issuer(String poolId) {
        return issuer.issuer(poolId);
    }

    /** Creates a pool and returns its id. */
    public String createPool(PoolSettings settings) {
        return locked(() -> {
            PoolState pool = new PoolState(Ids.poolId(region), settings);
            directory.add(pool);
            return pool.id;
        });
    }

    /**
     * Creates an app client of pool {@code poolId}.
     *
     * @return its id and secret
     */
    public CreatedClient createClient(String poolId, ClientSettings settings) {
        return locked(() -> {
            PoolState pool = knownPool(poolId);
            Optional<String> secret = settings.generateSecret() ? Optional.of(Ids.clientSecret()) : Optional.empty();
            secret.ifPresent(value -> IssuedSecrets.record(IssuedSecrets.Kind.CLIENT_SECRET, value));
            ClientState client = new ClientState(Ids.clientId(), pool, secret, settings);
            directory.add(client);
            return new CreatedClient(client.id, secret);
        });
    }

    /**
     * Creates a user in pool {@code poolId}.
     *
     * @return the user's {@code sub}
     * @throws IllegalArgumentException if the user exists or its MFA settings cannot work
     */
    public String createUser(String poolId, NewUser seed) {
        return locked(() -> {
            PoolState pool = knownPool(poolId);
            UserState user = new UserState(seed.username(), Ids.uuid());
            passwords.set(pool, user, seed.password(), seed.temporaryPassword());
            user.attributes.putAll(seed.attributes());
            user.groups.addAll(seed.groups());
            seed.softwareTokenSecret().ifPresent(secret -> {
                Base32.decode(secret);
                IssuedSecrets.record(IssuedSecrets.Kind.SOFTWARE_TOKEN_KEY, secret);
                user.softwareTokenSecret = Optional.of(secret);
            });
            for (MfaFactor factor : seed.mfa()) {
                requireUsable(user, factor);
                user.enabledMfa.add(factor);
            }
            seed.preferredMfa().ifPresent(preferred -> {
                if (!user.enabledMfa.contains(preferred)) {
                    throw new IllegalArgumentException("preferred MFA " + preferred + " is not among " + user.enabledMfa);
                }
                user.preferredMfa = Optional.of(preferred);
            });
            pool.add(user);
            return user.sub;
        });
    }

    /**
     * Disables or enables user {@code username} of pool {@code poolId}, as {@code AdminDisableUser} and {@code
     * AdminEnableUser} do. Disabling revokes the user's access tokens; a disabled user can neither sign in nor
     * refresh ({@code NotAuthorizedException} "User is disabled.").
     *
     * @throws IllegalArgumentException if there is no such pool or user
     */
    public void setUserEnabled(String poolId, String username, boolean enabled) {
        locked(() -> {
            UserState user = knownUser(poolId, username);
            user.disabled = !enabled;
            if (!enabled) {
                tokens.revokeAccessTokens(user);
            }
            return null;
        });
    }

    /**
     * Deletes user {@code username} of pool {@code poolId}, as {@code AdminDeleteUser} does: its tokens are
     * refused from then on with {@code UserNotFoundException}, and the name may be used again.
     *
     * @throws IllegalArgumentException if there is no such pool or user
     */
    public void deleteUser(String poolId, String username) {
        locked(() -> {
            UserState user = knownUser(poolId, username);
            knownPool(poolId).remove(username);
            user.deleted = true;
            return null;
        });
    }

    /**
     * Sets the first factors of {@code USER_AUTH} in pool {@code poolId} ({@code SignInPolicy.AllowedFirstAuthFactors})
     * and its WebAuthn relying party id, as {@code UpdateUserPool} does.
     */
    public void setSignInPolicy(String poolId, Set<AuthFactor> firstFactors, String relyingPartyId) {
        locked(() -> {
            PoolState pool = knownPool(poolId);
            pool.firstFactors = firstFactors.isEmpty() ? EnumSet.noneOf(AuthFactor.class) : EnumSet.copyOf(firstFactors);
            pool.relyingPartyId = relyingPartyId;
            return null;
        });
    }

    private UserState knownUser(String poolId, String username) {
        return knownPool(poolId).user(username).orElseThrow(() ->
                new IllegalArgumentException("no user " + username + " in pool " + poolId));
    }

    /** The devices issued to user {@code username} of pool {@code poolId}, oldest first. */
    public List<LocalDevice> devices(String poolId, String username) {
        return locked(() -> knownUser(poolId, username).devices.values().stream()
                .map(device -> new LocalDevice(device.key, device.name, device.isConfirmed(), device.remembered))
                .toList());
    }

    /** The last code sent to user {@code username} of pool {@code poolId} by SMS or e-mail. */
    public Optional<String> lastCode(String poolId, String username) {
        return locked(() -> knownPool(poolId).user(username).flatMap(user -> user.lastCode).map(DeliveredCode::code));
    }

    /** Every code sent to user {@code username} of pool {@code poolId}, oldest first. */
    public List<SentCode> sentCodes(String poolId, String username) {
        return locked(() -> codes.sentTo(knownPool(poolId), username));
    }

    /** Makes every code sent from now on {@code code}, or random codes again if empty. */
    public void useFixedCode(Optional<String> code) {
        locked(() -> {
            codes.useFixed(code);
            return null;
        });
    }

    /** Forgets the codes sent so far. */
    public void clearSentCodes() {
        locked(() -> {
            codes.clear();
            return null;
        });
    }

    /**
     * An app client's id and secret.
     *
     * @param id the client id
     * @param secret the secret, if it has one
     */
    public record CreatedClient(String id, Optional<String> secret) {
        @Override
        public String toString() {
            return "CreatedClient[id=" + id + ", secret=" + (secret.isPresent() ? "***" : "none") + "]";
        }
    }

    private PoolState knownPool(String poolId) {
        return directory.pool(poolId)
                .orElseThrow(() -> new IllegalArgumentException("no user pool " + poolId + " in this LocalCognito"));
    }

    private static void requireUsable(UserState user, MfaFactor factor) {
        boolean usable = switch (factor) {
            case SMS_MFA -> user.attribute("phone_number").isPresent();
            case EMAIL_OTP -> user.attribute("email").isPresent();
            case SOFTWARE_TOKEN_MFA -> user.softwareTokenSecret.isPresent();
        };
        if (!usable) {
            throw new IllegalArgumentException(factor + " for user " + user.username + " needs "
                    + switch (factor) {
                        case SMS_MFA -> "a phone_number attribute";
                        case EMAIL_OTP -> "an email attribute";
                        case SOFTWARE_TOKEN_MFA -> "a software token (NewUser.softwareToken)";
                    });
        }
    }

    private <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
