package dev.cognitosecured.runtime.internal.cognito;

import dev.cognitosecured.runtime.CallTimeoutException.Part;
import dev.cognitosecured.runtime.CognitoSecuredException;
import dev.cognitosecured.runtime.FirstFactor;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.internal.concurrent.BoundedWait;
import dev.cognitosecured.runtime.internal.config.PoolKeys;
import dev.cognitosecured.runtime.internal.signin.ChallengeClaim;
import dev.cognitosecured.runtime.internal.signin.ChallengeSlot;
import dev.cognitosecured.runtime.internal.store.KeptDevices;
import dev.cognitosecured.runtime.spi.Challenge;
import dev.cognitosecured.runtime.spi.ConfirmedDevice;
import dev.cognitosecured.runtime.spi.DeviceCredentials;
import dev.cognitosecured.runtime.spi.DeviceStore;
import dev.cognitosecured.runtime.spi.IdentityProvider;
import dev.cognitosecured.runtime.spi.SignInResponse;
import dev.cognitosecured.runtime.spi.SoftwareTokenAssociation;
import dev.cognitosecured.runtime.spi.Tokens;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The sign-in flow with chained challenges: each request goes out under a claim on the flow's own
 * {@link ChallengeSlot} ({@link ChallengeSlot#start}, {@link ChallengeSlot#answer}), which refuses a
 * second request while one is in flight, refuses an answer to a challenge older than its validity, and
 * swaps in the session of every response, so an answer always carries the latest session and never a
 * spent one.
 *
 * <p>The slot is this flow's, not the store's: one sign-in at a time per principal, and the flow lives
 * in the same scope as the {@link SessionStore} it signs in to. The store is used through its interface
 * only ({@link SessionStore#signIn(Tokens, java.time.Duration)} when the last answer returns tokens,
 * {@link SessionStore#end} to sign out), so any implementation of it serves.
 *
 * <p>Each response leads to the next step: tokens start the store's session ({@link SignInStep.Done});
 * a challenge is shown as its {@link SignInStep} (see {@link ChallengeSteps}). {@code MFA_SETUP} takes
 * one more request before the user can be shown anything: {@code AssociateSoftwareToken}, whose key is
 * shown as {@link SignInStep.TotpSetup}; its answer, the app's first code, goes to
 * {@code VerifySoftwareToken}, and then {@code RespondToAuthChallenge MFA_SETUP} completes the step, each
 * with the session the request before returned.
 */
public final class CognitoSignIn implements SignIn, SignUpSignIn {

    /** The name a device is confirmed with ({@code DeviceName}), as {@code ListDevices} shows it. */
    public static final String DEFAULT_DEVICE_NAME = "cognito-secured";

    private static final System.Logger LOG = System.getLogger(CognitoSignIn.class.getName());
    private static final char[] NO_PASSWORD = new char[0];

    private final SessionStore store;
    private final ChallengeSlot slot;
    private final IdentityProvider provider;
    private final String totpIssuer;
    private final DeviceStore devices;
    private final String deviceName;
    /** The name the sign-in in progress was started with, and the device it started on: this JVM's, not kept. */
    private volatile String signingInAs;
    private volatile DeviceCredentials signingInOn;

    /**
     * A flow that signs in to {@code store}, keeps the challenge in flight in {@code slot} and talks to
     * Cognito through {@code provider}.
     *
     * @param slot this flow's own slot, used by nothing else
     * @param totpIssuer the issuer named by the {@code otpauth://} URI of an authenticator app's
     *     set-up (what the app shows above the code), e.g. the user pool's id
     */
    public CognitoSignIn(SessionStore store, ChallengeSlot slot, IdentityProvider provider, String totpIssuer) {
        this(store, slot, provider, totpIssuer, new KeptDevices(), DEFAULT_DEVICE_NAME);
    }

    /**
     * As {@link #CognitoSignIn(SessionStore, ChallengeSlot, IdentityProvider, String)}, keeping the credentials of
     * the devices Cognito's device tracking issues in {@code devices}, and confirming each with {@code deviceName}.
     */
    public CognitoSignIn(SessionStore store, ChallengeSlot slot, IdentityProvider provider, String totpIssuer,
            DeviceStore devices, String deviceName) {
        this.store = Objects.requireNonNull(store, "store");
        this.slot = Objects.requireNonNull(slot, "slot");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.totpIssuer = Objects.requireNonNull(totpIssuer, "totpIssuer");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.deviceName = Objects.requireNonNull(deviceName, "deviceName");
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code username} is blank, or if the identity provider refuses
     *     an empty {@code password} (the default one takes it only with {@code auth-flow=CUSTOM_AUTH})
     */
    @Override
    public SignInStep start(String username, char[] password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isBlank()) {
            throw new IllegalArgumentException("The user name is blank.");
        }
        // The provider gets a copy, cleared as soon as its answer is in: the caller's array is the caller's.
        char[] copy = password.clone();
        Optional<DeviceCredentials> device = keptDevice(username);
        try {
            return slot.start(claim -> {
                signingInAs = username;
                signingInOn = device.orElse(null);
                return next(claim, claim.send(() -> device.isPresent()
                        ? provider.startSignIn(username, copy, device.get())
                        : provider.startSignIn(username, copy)));
            });
        } finally {
            Arrays.fill(copy, '\0');
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code answer} is blank
     */
    @Override
    public SignInStep confirm(String answer) {
        Objects.requireNonNull(answer, "answer");
        if (answer.isBlank()) {
            throw new IllegalArgumentException("The answer is blank.");
        }
        return slot.answer(claim -> {
            Challenge challenge = claim.challenge().orElseThrow();
            SignInStep step = claim.step().orElseThrow();
            if (step instanceof SignInStep.TotpSetup) {
                return completeTotpSetUp(claim, challenge, answer.strip());
            }
            Map<String, String> responses = ChallengeAnswers.of(challenge.name(), step, answer);
            return next(claim, claim.send(() -> provider.respond(challenge, responses)));
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code username} is blank
     */
    @Override
    public SignInStep startUserAuth(String username) {
        requireUsername(username);
        return startOnKeptDevice(username, device -> provider.startUserAuth(username, device),
                () -> provider.startUserAuth(username));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code username} is blank
     */
    @Override
    public SignInStep startUserAuth(String username, FirstFactor preferred) {
        requireUsername(username);
        Objects.requireNonNull(preferred, "preferred");
        if (preferred.isPassword()) {
            throw new IllegalArgumentException("The first factor " + preferred
                    + " needs the password: call startUserAuth(username, password).");
        }
        return startOnKeptDevice(username, device -> provider.startUserAuth(username, preferred, NO_PASSWORD, device),
                () -> provider.startUserAuth(username, preferred, NO_PASSWORD));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code username} is blank or {@code password} empty
     */
    @Override
    public SignInStep startUserAuth(String username, char[] password) {
        requireUsername(username);
        Objects.requireNonNull(password, "password");
        if (password.length == 0) {
            throw new IllegalArgumentException("The password is empty.");
        }
        char[] copy = password.clone();
        try {
            return startOnKeptDevice(username,
                    device -> provider.startUserAuth(username, FirstFactor.PASSWORD_SRP, copy, device),
                    () -> provider.startUserAuth(username, FirstFactor.PASSWORD_SRP, copy));
        } finally {
            Arrays.fill(copy, '\0');
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code password} is empty
     */
    @Override
    public SignInStep confirmPassword(char[] password) {
        Objects.requireNonNull(password, "password");
        if (password.length == 0) {
            throw new IllegalArgumentException("The password is empty.");
        }
        char[] copy = password.clone();
        try {
            return slot.answer(claim -> {
                Challenge challenge = claim.challenge().orElseThrow();
                SignInStep step = claim.step().orElseThrow();
                if (!(step instanceof SignInStep.FirstFactorSelection selection)) {
                    throw new IllegalStateException("The current sign-in step is " + step.kind()
                            + ", not CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION: answer it with confirm.");
                }
                FirstFactor factor = selection.available().contains(FirstFactor.PASSWORD_SRP) ? FirstFactor.PASSWORD_SRP
                        : selection.available().contains(FirstFactor.PASSWORD) ? FirstFactor.PASSWORD : null;
                if (factor == null) {
                    throw new WrongAnswerException("Cognito does not offer this user a password to sign in with:"
                            + " choose one of " + selection.available().stream().map(Enum::name).sorted().toList()
                            + " with confirm.", true, null);
                }
                return next(claim, claim.send(() -> provider.selectFirstFactor(challenge, factor, copy)));
            });
        } finally {
            Arrays.fill(copy, '\0');
        }
    }

    @Override
    public SignInStep startAfterSignUp(String username, String confirmationSession) {
        requireUsername(username);
        Objects.requireNonNull(confirmationSession, "confirmationSession");
        return slot.start(claim -> {
            signingInAs = username;
            signingInOn = null;
            return next(claim, claim.send(() -> provider.startUserAuthAfterSignUp(username, confirmationSession)));
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code newPassword} is empty
     */
    @Override
    public SignInStep confirmNewPassword(char[] newPassword, Map<String, String> attributes) {
        Objects.requireNonNull(newPassword, "newPassword");
        Objects.requireNonNull(attributes, "attributes");
        if (newPassword.length == 0) {
            throw new IllegalArgumentException("The new password is empty.");
        }
        Map<String, String> given = Map.copyOf(attributes);
        return slot.answer(claim -> {
            Challenge challenge = claim.challenge().orElseThrow();
            SignInStep step = claim.step().orElseThrow();
            if (!(step instanceof SignInStep.NewPasswordRequired required)) {
                throw new IllegalStateException("The current sign-in step is " + step.kind()
                        + ", not CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED: answer it with confirm.");
            }
            Map<String, String> responses = ChallengeAnswers.newPassword(required, newPassword, given);
            return next(claim, claim.send(() -> provider.respond(challenge, responses)));
        });
    }

    @Override
    public SignInStep current() {
        Optional<SignInStep> step = slot.step();
        if (step.isPresent()) {
            return step.get();
        }
        if (store.isSignedIn()) {
            return new SignInStep.Done();
        }
        throw new IllegalStateException("Nobody is signed in to pool '" + store.pool()
                + "' and no challenge is waiting for an answer: call start first.");
    }

    @Override
    public boolean isSignedIn() {
        return store.isSignedIn();
    }

    @Override
    public void signOut() {
        slot.abandon();
        Optional<Tokens> ended = store.end(SessionEnded.Reason.SIGNED_OUT);
        if (ended.isEmpty()) {
            return;
        }
        try {
            awaitStep("The sign-out", provider.revoke(ended.get()));
        } catch (RuntimeException e) {
            // The library's own messages hold no secret; another provider's are not ours to vouch for.
            String why = e instanceof CognitoSecuredException ? e.getMessage() : e.getClass().getName();
            LOG.log(Level.WARNING, () -> "Revoking the refresh token of pool '" + store.pool() + "' failed (" + why
                    + "). The user is signed out here, but the refresh token stays valid at Cognito until it expires.");
        }
    }

    @Override
    public String toString() {
        return "CognitoSignIn[pool=" + store.pool() + ", signedIn=" + store.isSignedIn() + ", step="
                + slot.step().map(step -> step.kind().name()).orElse("none") + "]";
    }

    private static void requireUsername(String username) {
        Objects.requireNonNull(username, "username");
        if (username.isBlank()) {
            throw new IllegalArgumentException("The user name is blank.");
        }
    }

    /**
     * Starts a sign-in of {@code username} ({@code USER_AUTH}) on the device kept for that name, if any
     * ({@code onDevice}: {@code DEVICE_KEY} goes with it, and a {@code DEVICE_SRP_AUTH} that follows is answered with
     * the device's proof), else from a new device ({@code fromNewDevice}), as {@link #start} does for the password flows.
     */
    private SignInStep startOnKeptDevice(String username,
            Function<DeviceCredentials, CompletionStage<SignInResponse>> onDevice,
            Supplier<CompletionStage<SignInResponse>> fromNewDevice) {
        Optional<DeviceCredentials> device = keptDevice(username);
        return slot.start(claim -> {
            signingInAs = username;
            signingInOn = device.orElse(null);
            return next(claim, claim.send(() -> device.isPresent() ? onDevice.apply(device.get()) : fromNewDevice.get()));
        });
    }

    /** What {@code response}, the outcome of the claim's last request, leads to. */
    private SignInStep next(ChallengeClaim claim, SignInResponse response) {
        if (response instanceof SignInResponse.Authenticated authenticated) {
            Tokens tokens = claim.signedIn(store, authenticated.tokens());
            authenticated.newDevice().ifPresent(device -> confirmDevice(tokens, device));
            return new SignInStep.Done();
        }
        Challenge challenge = ((SignInResponse.Challenged) response).challenge();
        if (ChallengeSteps.DEVICE_SRP_AUTH.equals(challenge.name())) {
            Optional<DeviceCredentials> device = Optional.ofNullable(signingInOn)
                    .or(() -> devices.find(challenge.username()));
            if (device.isPresent()) {
                return proveDevice(claim, challenge, device.get());
            }
        }
        if (ChallengeSteps.isSoftwareTokenSetUp(challenge)) {
            claim.swap(challenge);
            SoftwareTokenAssociation association = claim.send(() -> provider.associateSoftwareToken(challenge));
            SignInStep.TotpSetup step = ChallengeSteps.totpSetup(association, totpIssuer);
            claim.awaitAnswer(association.challenge(), step);
            return step;
        }
        SignInStep step = ChallengeSteps.of(challenge);
        claim.awaitAnswer(challenge, step);
        return step;
    }

    /**
     * Answers {@code DEVICE_SRP_AUTH} with the device's proof, computed here from its kept password; the user is
     * shown what follows. A refused proof forgets the device here: the next sign-in starts as from a new device.
     */
    private SignInStep proveDevice(ChallengeClaim claim, Challenge challenge, DeviceCredentials device) {
        claim.swap(challenge);
        SignInResponse proved;
        try {
            proved = claim.send(() -> provider.proveDevice(challenge, device));
        } catch (WrongAnswerException e) {
            forgetDevice(device);
            throw e;
        }
        return next(claim, proved);
    }

    /**
     * Waits for one request of the identity provider outside a challenge, bounded as a step of the sign-in: the
     * provider should end it within {@code cognito.timeout}; past that (and a second more) it is a
     * {@code CallTimeoutException} part {@code COGNITO}. The wait is made when needed, not at construction: the
     * store may be a client proxy whose scope is not active then.
     */
    private <T> T awaitStep(String what, CompletionStage<T> request) {
        BoundedWait wait = new BoundedWait(what + " of pool '" + store.pool() + "'", Part.COGNITO,
                PoolKeys.of(store.pool()).full(PoolKeys.COGNITO_TIMEOUT));
        long startedAt = BoundedWait.now();
        return wait.await(request, startedAt, startedAt + BoundedWait.nanos(slot.stepTimeout()));
    }

    /**
     * Confirms the device Cognito issued with this sign-in ({@code ConfirmDevice}), once the session started, and
     * keeps its credentials for the name the sign-in was started with. Best effort: if Cognito cannot be reached, the
     * user is signed in all the same (a warning is logged), and the next sign-in gets a new device.
     */
    private void confirmDevice(Tokens tokens, SignInResponse.NewDevice device) {
        String username = Optional.ofNullable(signingInAs).orElse(tokens.username());
        try {
            ConfirmedDevice confirmed = awaitStep("Confirming the new device", provider.confirmDevice(tokens, device, deviceName));
            devices.save(username, confirmed.credentials());
        } catch (RuntimeException e) {
            String why = e instanceof CognitoSecuredException ? e.getMessage() : e.getClass().getName();
            LOG.log(Level.WARNING, () -> "Confirming the new device " + device.deviceKey() + " of pool '" + store.pool()
                    + "' failed (" + why + "). The user is signed in; the next sign-in starts as from a new device.");
        }
    }

    /**
     * The device kept for {@code username}, if any. The device store is the application's to supply: if it fails,
     * the sign-in goes on as from a new device (a warning names the store's exception class only).
     */
    private Optional<DeviceCredentials> keptDevice(String username) {
        try {
            return devices.find(username);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, () -> "The device store of pool '" + store.pool() + "' failed to read ("
                    + e.getClass().getName() + "); the sign-in goes on as from a new device.");
            return Optional.empty();
        }
    }

    /** Forgets the device kept for the name the sign-in was started with, if it is {@code device}. */
    private void forgetDevice(DeviceCredentials device) {
        String username = signingInAs;
        try {
            if (username != null && devices.find(username).filter(device::equals).isPresent()) {
                devices.forget(username);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, () -> "The device store of pool '" + store.pool() + "' failed to forget a device"
                    + " Cognito refused (" + e.getClass().getName() + ").");
        }
    }

    /** {@code VerifySoftwareToken} with the app's first code, then {@code RespondToAuthChallenge MFA_SETUP}. */
    private SignInStep completeTotpSetUp(ChallengeClaim claim, Challenge challenge, String code) {
        Challenge verified = claim.send(() -> provider.verifySoftwareToken(challenge, code));
        claim.swap(verified);
        return next(claim, claim.send(() -> provider.respond(verified, Map.of())));
    }
}
