package dev.cognitosecured.testing.cognito.internal;

import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** Answers {@code NEW_PASSWORD_REQUIRED}: {@code NEW_PASSWORD} and {@code userAttributes.<name>} values. */
final class NewPasswordAnswer {

    private static final String ATTRIBUTE_PREFIX = "userAttributes.";

    private final ChallengeSessions sessions;
    private final SignInSteps steps;
    private final Passwords passwords;

    NewPasswordAnswer(ChallengeSessions sessions, SignInSteps steps, Passwords passwords) {
        this.sessions = sessions;
        this.steps = steps;
        this.passwords = passwords;
    }

    JsonObject answer(ChallengeSession session, Map<String, String> responses) {
        ClientState client = session.client();
        UserState user = session.user();
        String newPassword = Request.requiredParameter(responses, "NEW_PASSWORD");
        PasswordRules.check(client.pool.settings.passwordPolicy(), newPassword);
        Map<String, String> given = new LinkedHashMap<>();
        for (Map.Entry<String, String> response : responses.entrySet()) {
            if (response.getKey().startsWith(ATTRIBUTE_PREFIX)) {
                String name = response.getKey().substring(ATTRIBUTE_PREFIX.length());
                if (name.equals("sub")) {
                    throw CognitoException.invalidParameter("Cannot modify the non-mutable attribute sub");
                }
                given.put(name, response.getValue());
            }
        }
        for (String required : client.pool.settings.requiredAttributes()) {
            String value = given.getOrDefault(required, user.attributes.getOrDefault(required, ""));
            if (value.isEmpty()) {
                throw CognitoException.invalidParameter("Invalid attributes given, " + required + " is missing");
            }
        }
        sessions.consume(session);
        passwords.set(client.pool, user, newPassword, false);
        user.attributes.putAll(given);
        return steps.afterFirstFactor(client, user);
    }
}
