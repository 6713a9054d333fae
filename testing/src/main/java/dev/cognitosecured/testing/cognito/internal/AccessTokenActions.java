package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.testing.cognito.MfaFactor;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.Optional;

/**
 * The actions a signed-in user authorizes with an access token: {@code GetUser}, {@code GlobalSignOut} and
 * {@code SetUserMFAPreference}.
 */
final class AccessTokenActions {

    private final TokenService tokens;

    AccessTokenActions(TokenService tokens) {
        this.tokens = tokens;
    }

    /** {@code GetUser}: the user's name, attributes and MFA settings. */
    JsonObject getUser(Request request) {
        UserState user = tokens.usableAccessToken(request.required("AccessToken")).family().user;
        JsonArrayBuilder attributes = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("Name", "sub").add("Value", user.sub));
        for (Map.Entry<String, String> attribute : user.attributes.entrySet()) {
            attributes.add(Json.createObjectBuilder().add("Name", attribute.getKey()).add("Value", attribute.getValue()));
        }
        JsonArrayBuilder mfa = Json.createArrayBuilder();
        user.enabledMfa.forEach(factor -> mfa.add(factor.name()));
        JsonObjectBuilder answer = Json.createObjectBuilder()
                .add("Username", user.username)
                .add("UserAttributes", attributes)
                .add("UserMFASettingList", mfa);
        user.preferredMfa.ifPresent(factor -> answer.add("PreferredMfaSetting", factor.name()));
        return answer.build();
    }

    /** {@code GlobalSignOut}: every token issued to the user so far is revoked. */
    JsonObject globalSignOut(Request request) {
        UserState user = tokens.usableAccessToken(request.required("AccessToken")).family().user;
        tokens.signOut(user);
        return Json.createObjectBuilder().build();
    }

    /** {@code SetUserMFAPreference}: turns factors on or off and picks the preferred one. */
    JsonObject setUserMfaPreference(Request request) {
        UserState user = tokens.usableAccessToken(request.required("AccessToken")).family().user;
        apply(user, MfaFactor.SMS_MFA, request.object("SMSMfaSettings"));
        apply(user, MfaFactor.SOFTWARE_TOKEN_MFA, request.object("SoftwareTokenMfaSettings"));
        apply(user, MfaFactor.EMAIL_OTP, request.object("EmailMfaSettings"));
        return Json.createObjectBuilder().build();
    }

    private static void apply(UserState user, MfaFactor factor, Optional<Request> settings) {
        if (settings.isEmpty()) {
            return;
        }
        boolean enabled = settings.get().bool("Enabled").orElse(false);
        boolean preferred = settings.get().bool("PreferredMfa").orElse(false);
        if (enabled) {
            requireDeliverable(user, factor);
            user.enabledMfa.add(factor);
        } else {
            user.enabledMfa.remove(factor);
        }
        if (preferred && enabled) {
            user.preferredMfa = Optional.of(factor);
        } else if (user.preferredMfa.equals(Optional.of(factor))) {
            user.preferredMfa = Optional.empty();
        }
    }

    private static void requireDeliverable(UserState user, MfaFactor factor) {
        switch (factor) {
            case SOFTWARE_TOKEN_MFA -> {
                if (user.softwareTokenSecret.isEmpty()) {
                    throw CognitoException.invalidParameter("User has not verified software token mfa");
                }
            }
            case SMS_MFA -> {
                if (user.attribute("phone_number").isEmpty()) {
                    throw CognitoException.invalidParameter("User does not have delivery config set to turn on SMS_MFA");
                }
            }
            case EMAIL_OTP -> {
                if (user.attribute("email").isEmpty()) {
                    throw CognitoException.invalidParameter("User does not have delivery config set to turn on EMAIL_OTP");
                }
            }
        }
    }
}
