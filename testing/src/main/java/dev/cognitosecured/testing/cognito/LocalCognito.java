package dev.cognitosecured.testing.cognito;

import dev.cognitosecured.testing.cognito.internal.CognitoHttpServer;
import dev.cognitosecured.testing.cognito.internal.CognitoService;
import dev.cognitosecured.testing.cognito.internal.SrpAuthentication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A strict local Amazon Cognito user pool service on loopback, for tests. The real AWS SDK client talks to it:
 *
 * <pre>{@code
 * CognitoIdentityProviderClient.builder()
 *         .endpointOverride(cognito.endpoint())
 *         .region(Region.US_EAST_1)
 *         .credentialsProvider(AnonymousCredentialsProvider.create())
 *         .build();
 * }</pre>
 *
 * <p>It answers {@code InitiateAuth} ({@code USER_PASSWORD_AUTH}, {@code USER_SRP_AUTH}, {@code
 * REFRESH_TOKEN_AUTH}, {@code CUSTOM_AUTH} with or without SRP first, see {@link CustomAuthTriggers}), {@code
 * RespondToAuthChallenge} ({@code PASSWORD_VERIFIER}, {@code NEW_PASSWORD_REQUIRED}, {@code SMS_MFA}, {@code
 * EMAIL_OTP}, {@code SOFTWARE_TOKEN_MFA}, {@code SELECT_MFA_TYPE}, {@code MFA_SETUP}, {@code CUSTOM_CHALLENGE},
 * and chains of them), {@code AssociateSoftwareToken} and {@code
 * VerifySoftwareToken} (by session or access token), {@code GetTokensFromRefreshToken} (with rotation), {@code
 * RevokeToken}, {@code GlobalSignOut}, {@code GetUser} and {@code SetUserMFAPreference}, the account actions
 * {@code SignUp}, {@code ConfirmSignUp}, {@code ResendConfirmationCode}, {@code ForgotPassword}, {@code
 * ConfirmForgotPassword}, {@code ChangePassword}, {@code UpdateUserAttributes}, {@code
 * GetUserAttributeVerificationCode}, {@code VerifyUserAttribute}, {@code DeleteUserAttributes} and {@code
 * DeleteUser} (see {@link Action}, {@link AccountSettings}; codes go to the {@link #outbox()}), and with {@link
 * DeviceTracking} the device flow ({@code NewDeviceMetadata}, {@code ConfirmDevice}, {@code DEVICE_SRP_AUTH} and
 * {@code DEVICE_PASSWORD_VERIFIER} checked with real SRP, {@code UpdateDeviceStatus}, {@code ListDevices}, {@code
 * GetDevice}, {@code ForgetDevice}, refreshes bound to the device's key; {@code DEVICE_KEY} honoured by
 * {@code USER_SRP_AUTH}, {@code USER_PASSWORD_AUTH} and {@code USER_AUTH}, whose first-factor answers may name it
 * too),
 * keeping Cognito's rules: challenge sessions are single-use and expire, {@code SECRET_HASH} is checked,
 * rotated, revoked and expired refresh tokens are refused, wrong codes may be retried in the same session up
 * to Cognito's lockout. Errors carry the {@code __type} and message real Cognito uses.
 *
 * <p>Tokens are RS256 JWTs signed with a key made for this instance; the JWKS is at {@link #jwksUri(UserPool)}.
 * Their issuer is {@code <endpoint>/<pool id>} ({@link #issuer(UserPool)}), where real Cognito's is {@code
 * https://cognito-idp.<region>.amazonaws.com/<pool id>}. Refresh tokens are opaque strings.
 *
 * <p>Seed pools, clients and users with {@link #createPool(PoolSettings)}, {@link #createClient(UserPool,
 * ClientSettings)} and {@link #createUser(UserPool, NewUser)}; read codes "sent" by SMS or e-mail with {@link
 * #lastCode(UserPool, String)}; disable or delete users as an administrator would with {@link
 * #disableUser(LocalUser)} and {@link #deleteUser(LocalUser)}; count requests with {@link #requestCount(Action)};
 * inject faults with {@link #injectFault(Action, Fault, int)}, and refuse connections with {@link
 * #refuseConnections()}. Time comes from the clock given to the {@link Builder} (a {@link
 * ManualClock} in tests). Thread-safe. Close it to stop the server. In JUnit 5, {@link
 * dev.cognitosecured.testing.junit.CognitoTestKit} starts and closes it for a test class.
 *
 * <p>Where it knowingly differs from Cognito: the issuer (above); one signing key for all pools; lifetimes and
 * session validities may be any whole number of seconds; {@link ClientSettings#defaults()} allows {@code
 * USER_PASSWORD_AUTH}, which a new Cognito app client does not; users sign in by user name only (no e-mail or
 * phone aliases), so {@code USER_ID_FOR_SRP} is the user name; {@code MFA_SETUP} offers software tokens only;
 * {@code ListDevices} answers one page, and names a device's remembered status in the attribute {@code
 * dev:device_remembered_status}; a refresh without the key of the device its sign-in was made on is "Invalid
 * Refresh Token"; a confirmed device proves itself ({@code DEVICE_SRP_AUTH}) whether it is remembered or not; a
 * {@code USER_AUTH} code or passkey first factor on a device signs in on it without its proof (no second factor
 * follows those). A few error messages could not be checked against Cognito and are LocalCognito's own: an answer naming another challenge than the
 * session's ("Invalid session for the user."), {@code RefreshTokenReuseException}'s message, {@code
 * REFRESH_TOKEN_AUTH} with rotation on, {@code RevokeToken}'s client errors, an unacceptable {@code SRP_A}, a
 * {@code CUSTOM_AUTH} {@code CHALLENGE_NAME} other than {@code SRP_A} or {@code CUSTOM_CHALLENGE}, and an SRP
 * {@code TIMESTAMP} more than 5 minutes from the clock ("Incorrect username or password.").
 */
public final class LocalCognito implements AutoCloseable {

    private final CognitoHttpServer server;
    private final CognitoService service;
    private final FaultInjector faults;
    private final Outbox outbox;

    private LocalCognito(CognitoHttpServer server, CognitoService service, FaultInjector faults) {
        this.server = server;
        this.service = service;
        this.faults = faults;
        this.outbox = new Outbox(service);
    }

    /**
     * Starts a LocalCognito on a free port of 127.0.0.1 with the system clock, in the region {@code us-east-1}.
     *
     * @return the running server; close it when done
     * @throws UncheckedIOException if no port can be bound
     */
    public static LocalCognito start() {
        return builder().start();
    }

    /** {@return a builder, to choose the clock, port or region} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return where the SDK must send requests: {@code http://127.0.0.1:<port>}} */
    public URI endpoint() {
        return server.endpoint();
    }

    /**
     * Creates a user pool with {@link PoolSettings#defaults()}.
     *
     * @return the new pool
     */
    public UserPool createPool() {
        return createPool(PoolSettings.defaults());
    }

    /**
     * Creates a user pool.
     *
     * @param settings the pool's settings
     * @return the new pool
     */
    public UserPool createPool(PoolSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return new UserPool(service.createPool(settings));
    }

    /**
     * Creates an app client of {@code pool} with {@link ClientSettings#defaults()}, with or without a secret.
     *
     * @param pool the pool
     * @param withSecret whether the client has a secret
     * @return the new app client
     */
    public AppClient createClient(UserPool pool, boolean withSecret) {
        return createClient(pool, withSecret ? ClientSettings.defaults().withSecret() : ClientSettings.defaults());
    }

    /**
     * Creates an app client of {@code pool}.
     *
     * @param pool the pool
     * @param settings the client's settings
     * @return the new app client, with its secret if the settings ask for one
     */
    public AppClient createClient(UserPool pool, ClientSettings settings) {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(settings, "settings");
        CognitoService.CreatedClient created = service.createClient(pool.id(), settings);
        return new AppClient(pool, created.id(), created.secret());
    }

    /**
     * Creates a confirmed user of {@code pool} with a permanent password and nothing else.
     *
     * @param pool the pool
     * @param username the user name; not blank
     * @param password the password; not blank, not checked against the pool's policy
     * @return the new user
     * @throws IllegalArgumentException if the user exists
     */
    public LocalUser createUser(UserPool pool, String username, String password) {
        return createUser(pool, NewUser.withPassword(username, password));
    }

    /**
     * Creates a user of {@code pool}.
     *
     * @param pool the pool
     * @param user the user's name, password, attributes, groups and second factors
     * @return the new user, with the {@code sub} the pool gave it
     * @throws IllegalArgumentException if the user exists, or a second factor is turned on that the user
     *     cannot receive
     */
    public LocalUser createUser(UserPool pool, NewUser user) {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(user, "user");
        return new LocalUser(pool, user.username(), service.createUser(pool.id(), user));
    }

    /**
     * Sets the pool's sign-in policy, as {@code UpdateUserPool} does: the first factors of choice-based sign-in
     * ({@code USER_AUTH}, {@code SignInPolicy.AllowedFirstAuthFactors}; {@link AuthFactor#PASSWORD} alone by
     * default) and the WebAuthn relying party id ({@code WebAuthnConfiguration.RelyingPartyId}, {@code localhost}
     * by default). Passkeys are accepted from the origin {@code https://<relyingPartyId>} only.
     *
     * @param pool the pool
     * @param relyingPartyId the WebAuthn relying party id, e.g. {@code localhost}
     * @param firstFactors the first factors {@code USER_AUTH} offers
     */
    public void setSignInPolicy(UserPool pool, String relyingPartyId, AuthFactor... firstFactors) {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(relyingPartyId, "relyingPartyId");
        service.setSignInPolicy(pool.id(), Set.of(firstFactors), relyingPartyId);
    }

    /**
     * The codes sent by e-mail and SMS (sign-up, password reset, attribute verification, {@code SMS_MFA} and
     * {@code EMAIL_OTP}), to read as the user would, and to make codes fixed.
     *
     * @return the outbox of every pool of this server
     */
    public Outbox outbox() {
        return outbox;
    }

    /**
     * {@return the last code sent to {@code username} by SMS or e-mail (for {@code SMS_MFA} or {@code EMAIL_OTP})}
     *
     * @param pool the user's pool
     * @param username the user's name
     */
    public Optional<String> lastCode(UserPool pool, String username) {
        return service.lastCode(pool.id(), username);
    }

    /**
     * The devices issued to {@code user} in a pool with {@link DeviceTracking}, oldest first: confirmed or not,
     * remembered or not; a forgotten device is gone.
     *
     * @param user the user
     * @return the devices, possibly none
     */
    public List<LocalDevice> devices(LocalUser user) {
        Objects.requireNonNull(user, "user");
        return service.devices(user.pool().id(), user.username());
    }

    /**
     * Disables {@code user}, as {@code AdminDisableUser} does: its access tokens are revoked, and signing in or
     * refreshing fails with {@code NotAuthorizedException} "User is disabled." until {@link #enableUser}.
     *
     * @param user the user
     */
    public void disableUser(LocalUser user) {
        Objects.requireNonNull(user, "user");
        service.setUserEnabled(user.pool().id(), user.username(), false);
    }

    /**
     * Enables {@code user} again, as {@code AdminEnableUser} does; access tokens revoked by disabling stay revoked.
     *
     * @param user the user
     */
    public void enableUser(LocalUser user) {
        Objects.requireNonNull(user, "user");
        service.setUserEnabled(user.pool().id(), user.username(), true);
    }

    /**
     * Deletes {@code user}, as {@code AdminDeleteUser} does: refreshing its tokens, and any call with its access
     * token, fails with {@code UserNotFoundException} "User does not exist."; signing in fails as for any unknown
     * user.
     *
     * @param user the user
     */
    public void deleteUser(LocalUser user) {
        Objects.requireNonNull(user, "user");
        service.deleteUser(user.pool().id(), user.username());
    }

    /**
     * {@return the {@code iss} claim of the pool's tokens: {@code <endpoint>/<pool id>}}
     *
     * @param pool the pool
     */
    public URI issuer(UserPool pool) {
        return URI.create(service.issuer(pool.id()));
    }

    /**
     * {@return the pool's JSON Web Key Set: {@code <endpoint>/<pool id>/.well-known/jwks.json}}
     *
     * @param pool the pool
     */
    public URI jwksUri(UserPool pool) {
        return URI.create(service.issuer(pool.id()) + "/.well-known/jwks.json");
    }

    /**
     * {@return how many requests for {@code action} arrived, faulty ones included}
     *
     * @param action the action
     */
    public long requestCount(Action action) {
        return faults.count(action);
    }

    /**
     * How many {@code InitiateAuth} requests asked for {@code authFlow}, as named on the wire (e.g. {@code
     * "USER_SRP_AUTH"}), whether they succeeded or not. Requests ended by an injected fault are not counted.
     *
     * @param authFlow the {@code AuthFlow}
     * @return the number of requests
     */
    public long initiateAuthCount(String authFlow) {
        return service.flowCount(Action.INITIATE_AUTH.wireName(), Objects.requireNonNull(authFlow, "authFlow"));
    }

    /**
     * How many {@code RespondToAuthChallenge} requests answered {@code challengeName}, as named on the wire (e.g.
     * {@code "PASSWORD_VERIFIER"}), right or wrong. Requests ended by an injected fault are not counted.
     *
     * @param challengeName the {@code ChallengeName}
     * @return the number of requests
     */
    public long challengeResponseCount(String challengeName) {
        return service.flowCount(Action.RESPOND_TO_AUTH_CHALLENGE.wireName(),
                Objects.requireNonNull(challengeName, "challengeName"));
    }

    /** Sets every request count back to zero. */
    public void resetRequestCounts() {
        faults.resetCounts();
        service.resetFlowCounts();
    }

    /**
     * Applies {@code fault} to every request for {@code action} from now on, until {@link #clearFaults()}.
     *
     * @param action the action
     * @param fault what goes wrong
     */
    public void injectFault(Action action, Fault fault) {
        faults.addForever(action, fault);
    }

    /**
     * Applies {@code fault} to the next {@code times} requests for {@code action}. Faults injected earlier for the
     * same action apply first.
     *
     * @param action the action
     * @param fault what goes wrong
     * @param times how many requests; at least 1
     * @throws IllegalArgumentException if {@code times} is less than 1
     */
    public void injectFault(Action action, Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        faults.add(action, fault, times);
    }

    /** Removes every injected fault. Requests already held or delayed are not released. */
    public void clearFaults() {
        faults.clear();
    }

    /**
     * Stops listening: from now on a connection to {@link #endpoint()} is refused, as when Cognito cannot be
     * reached, and the connections open now are closed. The pools, users and tokens are kept; {@link
     * #acceptConnections()} listens again on the same port. Does nothing if already refusing.
     */
    public void refuseConnections() {
        server.refuseConnections();
    }

    /**
     * Listens again on the same port after {@link #refuseConnections()}, with everything kept; does nothing if
     * listening.
     *
     * @throws UncheckedIOException if the port cannot be bound again (another process took it meanwhile)
     */
    public void acceptConnections() {
        try {
            server.acceptConnections();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen again on " + endpoint(), e);
        }
    }

    /** Stops the server; requests in flight end without an answer. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "LocalCognito[" + endpoint() + "]";
    }

    /** Chooses how a {@link LocalCognito} starts. */
    public static final class Builder {

        private InstantSource clock = InstantSource.system();
        private int port;
        private String region = "us-east-1";

        private Builder() {}

        /**
         * The clock for tokens ({@code iat}, {@code exp}, {@code auth_time}), sessions, codes and lockouts; the
         * system clock by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The port on 127.0.0.1 ({@code 0}, the default: any free port).
         *
         * @param port 0 to 65535
         * @return this builder
         * @throws IllegalArgumentException if {@code port} is not between 0 and 65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The region in pool ids; {@code us-east-1} by default.
         *
         * @param region the region, e.g. {@code eu-west-1}
         * @return this builder
         */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * Starts the server.
         *
         * @return the running server; close it when done
         * @throws UncheckedIOException if the port cannot be bound
         */
        public LocalCognito start() {
            CognitoHttpServer server;
            try {
                server = CognitoHttpServer.bind(port);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
            }
            CognitoService service =
                    new CognitoService(server.endpoint(), region, clock, SrpAuthentication.cognito(clock));
            FaultInjector faults = new FaultInjector();
            server.start(service, faults);
            return new LocalCognito(server, service, faults);
        }
    }
}
