package dev.cognitosecured.runtime.internal.account;

import dev.cognitosecured.runtime.Mfa;
import dev.cognitosecured.runtime.MfaPreference;
import dev.cognitosecured.runtime.MfaSettings;
import dev.cognitosecured.runtime.MfaType;
import dev.cognitosecured.runtime.TotpSetupDetails;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.WrongAnswerException;
import java.io.Serial;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssociateSoftwareTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EmailMfaSettingsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SetUserMfaPreferenceRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SMSMfaSettingsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SoftwareTokenMfaSettingsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

/**
 * The signed-in user's {@link Mfa}, over {@link SignedInCalls}: {@code AssociateSoftwareToken} and
 * {@code VerifySoftwareToken} by access token, {@code SetUserMFAPreference}, {@code GetUser}. It keeps nothing
 * between requests (Cognito keeps the key being set up); when its scope is passivated it is written as the proxy
 * {@code passivated} makes.
 */
public final class CognitoMfa extends AccountBean implements Mfa {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final String NEW_CODE = "wait for the app's next code";

    private final transient SignedInCalls calls;
    private final transient String issuer;
    private final transient OneRequestAtATime oneAtATime = new OneRequestAtATime("Mfa");

    /**
     * @param issuer the issuer the {@code otpauth://} URI names (what the app shows above the code), e.g. the user
     *     pool's id
     */
    public CognitoMfa(SignedInCalls calls, String issuer, Supplier<Object> passivated) {
        super("Mfa", Objects.requireNonNull(calls, "calls").cognito(), passivated);
        this.calls = calls;
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    @Override
    public TotpSetupDetails setUpTotp() {
        String username = calls.store().tokens(Duration.ZERO, cognito().timeout()).username();
        AssociateSoftwareTokenResponse associated = calls.call("AssociateSoftwareToken", NO_CODE,
                token -> client().associateSoftwareToken(request -> request.accessToken(token)));
        String secret = associated.secretCode();
        if (secret == null || secret.isEmpty()) {
            throw new TransportException("Cognito's answer to AssociateSoftwareToken holds no SecretCode. Try again.",
                    null);
        }
        String uri = "otpauth://totp/" + encode(issuer) + ":" + encode(username) + "?secret=" + encode(secret)
                + "&issuer=" + encode(issuer);
        return new TotpSetupDetails(secret.toCharArray(), uri);
    }

    @Override
    public void verifyTotp(String code, String friendlyDeviceName) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(friendlyDeviceName, "friendlyDeviceName");
        if (code.isBlank()) {
            throw new IllegalArgumentException("The code is blank.");
        }
        String given = code.strip();
        VerifySoftwareTokenResponse verified = oneAtATime.run(() -> calls.call("VerifySoftwareToken", NEW_CODE,
                token -> client().verifySoftwareToken(request -> request
                        .accessToken(token).userCode(given).friendlyDeviceName(friendlyDeviceName))));
        if (verified.status() != VerifySoftwareTokenResponseType.SUCCESS) {
            throw new WrongAnswerException("Cognito did not accept the authenticator app's code (VerifySoftwareToken"
                    + " answered " + verified.statusAsString() + "). Answer with the app's current code.", true, null);
        }
    }

    @Override
    public void updatePreference(Map<MfaType, MfaPreference> preferences) {
        Map<MfaType, MfaPreference> given = Map.copyOf(preferences);
        if (given.isEmpty()) {
            return;
        }
        SetUserMfaPreferenceRequest.Builder request = SetUserMfaPreferenceRequest.builder();
        given.forEach((type, preference) -> {
            Boolean enabled = preference != MfaPreference.DISABLED;
            Boolean preferred = switch (preference) {
                case PREFERRED -> Boolean.TRUE;
                case ENABLED -> null;
                case DISABLED, NOT_PREFERRED -> Boolean.FALSE;
            };
            switch (type) {
                case SMS -> request.smsMfaSettings(SMSMfaSettingsType.builder()
                        .enabled(enabled).preferredMfa(preferred).build());
                case TOTP -> request.softwareTokenMfaSettings(SoftwareTokenMfaSettingsType.builder()
                        .enabled(enabled).preferredMfa(preferred).build());
                case EMAIL -> request.emailMfaSettings(EmailMfaSettingsType.builder()
                        .enabled(enabled).preferredMfa(preferred).build());
            }
        });
        calls.call("SetUserMFAPreference", NO_CODE,
                token -> client().setUserMFAPreference(request.accessToken(token).build()));
    }

    @Override
    public MfaSettings preference() {
        GetUserResponse user = calls.call("GetUser", NO_CODE,
                token -> client().getUser(request -> request.accessToken(token)));
        Set<MfaType> enabled = EnumSet.noneOf(MfaType.class);
        user.userMFASettingList().forEach(name -> typeOf(name).ifPresent(enabled::add));
        return new MfaSettings(enabled, Optional.ofNullable(user.preferredMfaSetting()).flatMap(CognitoMfa::typeOf));
    }

    /** The type Cognito names {@code name} ({@code SMS_MFA}, {@code SOFTWARE_TOKEN_MFA}, {@code EMAIL_OTP}). */
    private static Optional<MfaType> typeOf(String name) {
        return switch (name) {
            case "SMS_MFA" -> Optional.of(MfaType.SMS);
            case "SOFTWARE_TOKEN_MFA" -> Optional.of(MfaType.TOTP);
            case "EMAIL_OTP" -> Optional.of(MfaType.EMAIL);
            default -> Optional.empty();
        };
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
