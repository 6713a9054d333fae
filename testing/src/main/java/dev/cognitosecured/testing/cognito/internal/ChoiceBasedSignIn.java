package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.secretscan.IssuedSecrets;
import dev.cognitosecured.testing.cognito.AuthFactor;
import dev.cognitosecured.testing.cognito.ExplicitAuthFlow;
import dev.cognitosecured.testing.cognito.MfaFactor;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Choice-based sign-in, {@code InitiateAuth USER_AUTH}: the first factors the pool's sign-in policy allows and the
 * user can use ({@code PASSWORD} and {@code PASSWORD_SRP} with a password, {@code EMAIL_OTP} with an e-mail
 * address, {@code SMS_OTP} with a phone number, {@code WEB_AUTHN} with a registered passkey). A
 * {@code PREFERRED_CHALLENGE} among them starts at once; otherwise {@code SELECT_CHALLENGE} lists them in
 * {@code AvailableChallenges}, answered with {@code ANSWER} (and {@code PASSWORD} or {@code SRP_A} for the
 * password factors). A password first factor leads on to the pool's MFA; a code or a passkey completes the
 * sign-in. {@code WEB_AUTHN} sends {@code CREDENTIAL_REQUEST_OPTIONS} and checks the {@code CREDENTIAL} with
 * {@link WebAuthnChecks}.
 *
 * <p>Remembered devices as in the other flows: a {@code DEVICE_KEY} with {@code InitiateAuth} (or with a first
 * factor's answer) names the device the sign-in goes on on; after a password factor the device proves itself
 * ({@code DEVICE_SRP_AUTH}) and a remembered one stands in for the second factor; the tokens name the device. A key
 * that names no device of the user is {@code ResourceNotFoundException} "Device does not exist."; with device
 * tracking, a sign-in that named none gets {@code NewDeviceMetadata}.
 */
final class ChoiceBasedSignIn {

    static final String SELECT_CHALLENGE = "SELECT_CHALLENGE";

    private final Directory directory;
    private final SignInSteps steps;
    private final ChallengeSessions sessions;
    private final SrpAuthentication srp;
    private final InstantSource clock;
    private final Codes codes;
    private final SecureRandom random = new SecureRandom();

    ChoiceBasedSignIn(Directory directory, SignInSteps steps, ChallengeSessions sessions, SrpAuthentication srp, InstantSource clock,
            Codes codes) {
        this.codes = codes;
        this.directory = directory;
        this.steps = steps;
        this.sessions = sessions;
        this.srp = srp;
        this.clock = clock;
    }

    /**
     * {@code ConfirmSignUp}'s answer with a {@code Session} to sign in with ({@code InitiateAuth USER_AUTH}, no
     * password), when the client allows {@code USER_AUTH}. The session is single-use and expires as a challenge's.
     */
    JsonObject withSignInSession(Request request, JsonObject confirmed) {
        ClientState client = directory.client(request.required("ClientId"));
        Optional<UserState> user = client.pool.user(request.required("Username"));
        if (!client.settings.authFlows().contains(ExplicitAuthFlow.USER_AUTH) || user.isEmpty()) {
            return confirmed;
        }
        ChallengeSession session = sessions.open(client, user.get(), new Challenge.SignUpConfirmed());
        return Json.createObjectBuilder(confirmed).add("Session", session.id()).build();
    }

    /**
     * {@code InitiateAuth USER_AUTH}, after the client id was read; with {@code confirmation}, the session of
     * {@code ConfirmSignUp}, the user is signed in without a first factor.
     */
    JsonObject initiate(ClientState client, Map<String, String> parameters, Optional<String> confirmation) {
        if (!client.settings.authFlows().contains(ExplicitAuthFlow.USER_AUTH)) {
            throw CognitoException.invalidParameter("USER_AUTH flow not enabled for this client");
        }
        String username = Request.requiredParameter(parameters, "USERNAME");
        ClientSecrets.checkSecretHash(client, Optional.ofNullable(parameters.get("SECRET_HASH")), username);
        UserState user = Users.signingIn(client, username);
        user.lockout.check(clock.instant());
        steps.beginOnDevice(client, Optional.of(user), parameters);
        if (confirmation.isPresent()) {
            ChallengeSession session = sessions.current(confirmation.get());
            if (!(session.challenge() instanceof Challenge.SignUpConfirmed) || session.client() != client
                    || session.user() != user) {
                throw CognitoException.notAuthorized(ChallengeSessions.INVALID);
            }
            sessions.consume(session);
            return steps.afterFirstFactor(client, user);
        }
        List<String> available = available(client.pool, user);
        if (available.isEmpty()) {
            throw CognitoException.notAuthorized("The user has no first factor this user pool allows.");
        }
        String preferred = parameters.get("PREFERRED_CHALLENGE");
        if (preferred != null && available.contains(preferred)) {
            return begin(client, user, preferred, parameters);
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        available.forEach(list::add);
        ChallengeSession session = sessions.open(client, user, new Challenge.SelectFirstFactor(available));
        return Json.createObjectBuilder()
                .add("ChallengeName", SELECT_CHALLENGE)
                .add("ChallengeParameters", Json.createObjectBuilder())
                .add("AvailableChallenges", list)
                .add("Session", session.id())
                .build();
    }

    /** {@code RespondToAuthChallenge SELECT_CHALLENGE}: the chosen factor, with its parameters. */
    JsonObject answerSelection(ChallengeSession session, Challenge.SelectFirstFactor select, Map<String, String> responses) {
        String answer = Request.requiredParameter(responses, "ANSWER");
        if (!select.available().contains(answer)) {
            throw CognitoException.invalidParameter("ANSWER must be one of the available challenges " + select.available());
        }
        session.user().lockout.check(clock.instant());
        steps.answerOnDevice(session.client(), session.user(), responses);
        // Single use: any choice spends the session, a wrong password included.
        sessions.consume(session);
        return begin(session.client(), session.user(), answer, responses);
    }

    /** {@code EMAIL_OTP} or {@code SMS_OTP} as a first factor: the code completes the sign-in. */
    JsonObject answerCode(ChallengeSession session, Challenge.FirstFactorCode challenge, Map<String, String> responses) {
        String code = Request.requiredParameter(responses, challenge.name() + "_CODE");
        UserState user = session.user();
        Instant now = clock.instant();
        user.lockout.check(now);
        steps.answerOnDevice(session.client(), user, responses);
        if (!MessageDigest.isEqual(challenge.code().getBytes(StandardCharsets.US_ASCII),
                code.getBytes(StandardCharsets.US_ASCII))) {
            user.lockout.recordFailure(now);
            throw CognitoException.codeMismatch(MfaCodeAnswer.EMAIL_MISMATCH);
        }
        sessions.consume(session);
        user.attributes.put(challenge.factor() == MfaFactor.SMS_MFA ? "phone_number_verified" : "email_verified", "true");
        return steps.signedIn(session.client(), user);
    }

    /** {@code WEB_AUTHN}: the browser's assertion for the challenge, signed by one of the user's passkeys. */
    JsonObject answerWebAuthn(ChallengeSession session, Challenge.WebAuthn challenge, Map<String, String> responses) {
        JsonObject credential = WebAuthnChecks.parse(Request.requiredParameter(responses, "CREDENTIAL"));
        UserState user = session.user();
        Instant now = clock.instant();
        user.lockout.check(now);
        steps.answerOnDevice(session.client(), user, responses);
        String id = credential.getString("id", "");
        Passkey passkey = user.passkeys.stream().filter(p -> p.credentialId.equals(id)).findFirst()
                .orElseThrow(() -> CognitoException.notAuthorized("The credential is not one of the user's passkeys."));
        JsonObject response = credential.getJsonObject("response");
        if (response == null) {
            throw CognitoException.invalidParameter("The credential lacks response.");
        }
        byte[] clientData = WebAuthnChecks.clientData(response, "webauthn.get", challenge.challenge(),
                passkey.relyingPartyId);
        ByteBuffer authData = WebAuthnChecks.authenticatorData(response, passkey.relyingPartyId,
                WebAuthnChecks.USER_PRESENT);
        long count = WebAuthnChecks.signCount(authData);
        if ((count != 0 || passkey.signCount != 0) && count <= passkey.signCount) {
            throw CognitoException.notAuthorized("The authenticator's signature counter went back: the passkey may be cloned.");
        }
        if (!WebAuthnChecks.verifies(passkey.publicKey, authData.array(), clientData,
                WebAuthnChecks.bytes(response, "signature"))) {
            user.lockout.recordFailure(now);
            throw CognitoException.notAuthorized("The passkey's signature does not verify.");
        }
        passkey.signCount = count;
        sessions.consume(session);
        return steps.signedIn(session.client(), user);
    }

    /** The challenges the user may start with, in Cognito's order. */
    static List<String> available(PoolState pool, UserState user) {
        List<String> available = new ArrayList<>();
        if (pool.firstFactors.contains(AuthFactor.PASSWORD) && user.password != null) {
            available.add("PASSWORD");
            available.add("PASSWORD_SRP");
        }
        if (pool.firstFactors.contains(AuthFactor.EMAIL_OTP) && user.attribute("email").isPresent()) {
            available.add("EMAIL_OTP");
        }
        if (pool.firstFactors.contains(AuthFactor.SMS_OTP) && user.attribute("phone_number").isPresent()) {
            available.add("SMS_OTP");
        }
        if (pool.firstFactors.contains(AuthFactor.WEB_AUTHN) && !user.passkeys.isEmpty()) {
            available.add("WEB_AUTHN");
        }
        return available;
    }

    /** Starts {@code factor}, one of the available ones, with the request's {@code parameters}. */
    private JsonObject begin(ClientState client, UserState user, String factor, Map<String, String> parameters) {
        return switch (factor) {
            case "PASSWORD" -> password(client, user, Request.requiredParameter(parameters, "PASSWORD"));
            case "PASSWORD_SRP" -> passwordVerifier(client, user, Request.requiredParameter(parameters, "SRP_A"));
            case "EMAIL_OTP" -> code(client, user, MfaFactor.EMAIL_OTP, "EMAIL_OTP", "EMAIL");
            case "SMS_OTP" -> code(client, user, MfaFactor.SMS_MFA, "SMS_OTP", "SMS");
            case "WEB_AUTHN" -> webAuthn(client, user);
            default -> throw CognitoException.invalidParameter("Unknown challenge " + factor);
        };
    }

    private JsonObject password(ClientState client, UserState user, String password) {
        IssuedSecrets.record(IssuedSecrets.Kind.PASSWORD, password);
        Instant now = clock.instant();
        if (!MessageDigest.isEqual(user.password.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8))) {
            user.lockout.recordFailure(now);
            throw CognitoException.notAuthorized(Users.INCORRECT);
        }
        Users.checkTemporaryPasswordAge(client, user, now);
        return steps.afterPassword(client, user);
    }

    private JsonObject passwordVerifier(ClientState client, UserState user, String srpA) {
        SrpAuthentication.SrpStart started;
        try {
            started = srp.begin(user.srpVerifier, srpA);
        } catch (IllegalArgumentException e) {
            throw CognitoException.invalidParameter(e.getMessage());
        }
        Challenge challenge = new Challenge.PasswordVerifier(started.check(), started.secretBlock(), false);
        return steps.challenge(client, user, challenge, Json.createObjectBuilder()
                .add("SALT", started.salt())
                .add("SECRET_BLOCK", started.secretBlock())
                .add("SRP_B", started.srpB())
                .add("USERNAME", user.username)
                .add("USER_ID_FOR_SRP", user.username));
    }

    private JsonObject code(ClientState client, UserState user, MfaFactor factor, String name, String medium) {
        DeliveredCode code = CodeDelivery.send(codes, client.pool, user, factor);
        return steps.challenge(client, user, new Challenge.FirstFactorCode(name, factor, code.code()),
                Json.createObjectBuilder()
                        .add("CODE_DELIVERY_DELIVERY_MEDIUM", medium)
                        .add("CODE_DELIVERY_DESTINATION", code.destination())
                        .add("USERNAME", user.username));
    }

    private JsonObject webAuthn(ClientState client, UserState user) {
        byte[] challenge = new byte[32];
        random.nextBytes(challenge);
        JsonArrayBuilder allowed = Json.createArrayBuilder();
        for (Passkey passkey : user.passkeys) {
            JsonArrayBuilder transports = Json.createArrayBuilder();
            passkey.transports.forEach(transports::add);
            allowed.add(Json.createObjectBuilder()
                    .add("type", "public-key")
                    .add("id", passkey.credentialId)
                    .add("transports", transports));
        }
        String options = Json.createObjectBuilder()
                .add("challenge", WebAuthnChecks.base64Url(challenge))
                .add("timeout", client.settings.authSessionValidity().toMillis())
                .add("rpId", client.pool.relyingPartyId)
                .add("allowCredentials", allowed)
                .add("userVerification", "preferred")
                .build()
                .toString();
        JsonObjectBuilder parameters = Json.createObjectBuilder()
                .add("CREDENTIAL_REQUEST_OPTIONS", options)
                .add("USERNAME", user.username);
        return steps.challenge(client, user, new Challenge.WebAuthn(challenge), parameters);
    }
}
