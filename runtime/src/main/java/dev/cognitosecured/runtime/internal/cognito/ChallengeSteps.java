package dev.cognitosecured.runtime.internal.cognito;

import dev.cognitosecured.runtime.FirstFactor;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.spi.Challenge;
import dev.cognitosecured.runtime.spi.SoftwareTokenAssociation;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the user is shown for a Cognito challenge: the {@link SignInStep} for each {@code ChallengeName},
 * read from its {@code ChallengeParameters}. Nothing secret goes into a step but the key of an
 * authenticator app being set up, which the user must see.
 */
final class ChallengeSteps {

    static final String NEW_PASSWORD_REQUIRED = "NEW_PASSWORD_REQUIRED";
    static final String SMS_MFA = "SMS_MFA";
    static final String EMAIL_OTP = "EMAIL_OTP";
    static final String SOFTWARE_TOKEN_MFA = "SOFTWARE_TOKEN_MFA";
    static final String SELECT_MFA_TYPE = "SELECT_MFA_TYPE";
    static final String MFA_SETUP = "MFA_SETUP";
    static final String CUSTOM_CHALLENGE = "CUSTOM_CHALLENGE";
    static final String SELECT_CHALLENGE = "SELECT_CHALLENGE";
    static final String SMS_OTP = "SMS_OTP";
    static final String WEB_AUTHN = "WEB_AUTHN";
    static final String DEVICE_SRP_AUTH = "DEVICE_SRP_AUTH";

    private static final String ATTRIBUTE_PREFIX = "userAttributes.";

    private ChallengeSteps() {}

    /**
     * The step for {@code challenge}, which is not {@code MFA_SETUP} (see {@link #isSoftwareTokenSetUp}).
     *
     * @throws SignInRequiredException if the sign-in flow cannot answer the challenge
     * @throws TransportException if a parameter the step needs cannot be read
     */
    static SignInStep of(Challenge challenge) {
        return switch (challenge.name()) {
            case NEW_PASSWORD_REQUIRED -> new SignInStep.NewPasswordRequired(requiredAttributes(challenge));
            case SMS_MFA -> new SignInStep.SmsCode(destination(challenge));
            case EMAIL_OTP -> new SignInStep.EmailCode(destination(challenge));
            case SOFTWARE_TOKEN_MFA -> new SignInStep.TotpCode();
            case SELECT_MFA_TYPE -> new SignInStep.MfaSelection(
                    new LinkedHashSet<>(stringList(challenge, "MFAS_CAN_CHOOSE")));
            case CUSTOM_CHALLENGE -> new SignInStep.CustomChallenge(publicParameters(challenge));
            case SELECT_CHALLENGE -> new SignInStep.FirstFactorSelection(firstFactors(challenge));
            case SMS_OTP -> new SignInStep.SmsCode(destination(challenge));
            case WEB_AUTHN -> new SignInStep.WebAuthnCredential(required(challenge, "CREDENTIAL_REQUEST_OPTIONS"));
            default -> throw unsupported(challenge.name(), "");
        };
    }

    /**
     * Whether {@code challenge} asks to set up an authenticator app ({@code MFA_SETUP}), which takes
     * {@code AssociateSoftwareToken} before the user can be shown anything.
     *
     * @throws SignInRequiredException if it asks to set up a second factor other than an authenticator app
     */
    static boolean isSoftwareTokenSetUp(Challenge challenge) {
        if (!MFA_SETUP.equals(challenge.name())) {
            return false;
        }
        String offered = challenge.parameters().get("MFAS_CAN_SETUP");
        if (offered != null && !stringList(challenge, "MFAS_CAN_SETUP").contains(SOFTWARE_TOKEN_MFA)) {
            throw unsupported(MFA_SETUP, " for the factors " + offered
                    + " (this flow sets up authenticator apps, SOFTWARE_TOKEN_MFA, only)");
        }
        return true;
    }

    /**
     * The step that shows the key {@code AssociateSoftwareToken} returned, with an {@code otpauth://} URI
     * naming {@code issuer} and the user.
     */
    static SignInStep.TotpSetup totpSetup(SoftwareTokenAssociation association, String issuer) {
        String secret = association.secretCode();
        String account = association.challenge().username();
        String uri = "otpauth://totp/" + encode(issuer) + ":" + encode(account) + "?secret=" + encode(secret)
                + "&issuer=" + encode(issuer);
        return new SignInStep.TotpSetup(secret, uri);
    }

    /** {@code requiredAttributes}: a JSON array of {@code userAttributes.<name>}, given as names. */
    private static List<String> requiredAttributes(Challenge challenge) {
        if (!challenge.parameters().containsKey("requiredAttributes")) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String attribute : stringList(challenge, "requiredAttributes")) {
            names.add(attribute.startsWith(ATTRIBUTE_PREFIX) ? attribute.substring(ATTRIBUTE_PREFIX.length()) : attribute);
        }
        return names;
    }

    /** The first factors of {@code SELECT_CHALLENGE} this library knows; others are left out. */
    private static Set<FirstFactor> firstFactors(Challenge challenge) {
        Set<FirstFactor> factors = EnumSet.noneOf(FirstFactor.class);
        for (String name : stringList(challenge, ChallengeResponses.AVAILABLE_CHALLENGES)) {
            for (FirstFactor factor : FirstFactor.values()) {
                if (factor.name().equals(name)) {
                    factors.add(factor);
                }
            }
        }
        return factors;
    }

    private static String required(Challenge challenge, String parameter) {
        String value = challenge.parameters().get(parameter);
        if (value == null || value.isEmpty()) {
            throw unreadable(challenge, parameter, "is missing");
        }
        return value;
    }

    private static String destination(Challenge challenge) {
        return challenge.parameters().getOrDefault("CODE_DELIVERY_DESTINATION", "");
    }

    /** A custom challenge's parameters: what the pool's trigger made public, less the user's ids. */
    private static Map<String, String> publicParameters(Challenge challenge) {
        Map<String, String> parameters = new LinkedHashMap<>(challenge.parameters());
        parameters.remove("USERNAME");
        parameters.remove("USER_ID_FOR_SRP");
        return parameters;
    }

    /** The parameter {@code name}, a JSON array of strings as Cognito sends lists. */
    private static List<String> stringList(Challenge challenge, String name) {
        String text = challenge.parameters().get(name);
        if (text == null) {
            throw unreadable(challenge, name, "is missing");
        }
        try (JsonReader reader = Readers.FACTORY.createReader(new StringReader(text))) {
            JsonArray array = reader.readArray();
            List<String> values = new ArrayList<>(array.size());
            for (JsonValue value : array) {
                if (value.getValueType() != JsonValue.ValueType.STRING) {
                    throw unreadable(challenge, name, "is not a JSON array of strings");
                }
                values.add(((JsonString) value).getString());
            }
            return values;
        } catch (JsonException | IllegalStateException | NumberFormatException e) { // NFE: 1e99999999999
            throw unreadable(challenge, name, "is not a JSON array of strings");
        }
    }

    private static TransportException unreadable(Challenge challenge, String parameter, String what) {
        return new TransportException("Cognito's challenge " + challenge.name() + " could not be read: its parameter "
                + parameter + " " + what + ". Start the sign-in again.", null);
    }

    private static SignInRequiredException unsupported(String name, String detail) {
        return new SignInRequiredException("Cognito asked for the challenge " + name + detail + ", which SignIn cannot"
                + " answer (it answers NEW_PASSWORD_REQUIRED, SMS_MFA, EMAIL_OTP, SMS_OTP, SOFTWARE_TOKEN_MFA, SELECT_MFA_TYPE,"
                + " MFA_SETUP with an authenticator app, CUSTOM_CHALLENGE, SELECT_CHALLENGE and WEB_AUTHN). Change the user pool's or app client's"
                + " settings, or sign in another way.");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Finds the JSON-P implementation once, on first use. */
    private static final class Readers {
        static final JsonReaderFactory FACTORY = JsonProvider.provider().createReaderFactory(Map.of());
    }
}
