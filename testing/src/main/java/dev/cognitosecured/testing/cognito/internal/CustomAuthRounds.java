package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.testing.cognito.CustomAuthTriggers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The rounds of a {@code CUSTOM_AUTH} sign-in: the pool's {@link CustomAuthTriggers} decide after each answer
 * whether tokens are issued, the sign-in fails, or another {@code CUSTOM_CHALLENGE} (with a new session)
 * follows.
 */
final class CustomAuthRounds {

    private final ChallengeSessions sessions;
    private final SignInSteps steps;

    CustomAuthRounds(ChallengeSessions sessions, SignInSteps steps) {
        this.sessions = sessions;
        this.steps = steps;
    }

    /** The step after {@code answers}: tokens, a failure, or a new challenge. */
    JsonObject next(ClientState client, UserState user, List<Boolean> answers) {
        CustomAuthTriggers triggers = triggers(client);
        CustomAuthTriggers.Decision decision = call("DefineAuthChallenge", () -> triggers.define(user.username, answers));
        switch (decision) {
            case ISSUE_TOKENS:
                return steps.signedIn(client, user);
            case CUSTOM_CHALLENGE:
                CustomAuthTriggers.CustomChallenge challenge =
                        call("CreateAuthChallenge", () -> triggers.create(user.username, answers));
                JsonObjectBuilder parameters = Json.createObjectBuilder();
                challenge.publicParameters().forEach(parameters::add);
                parameters.add("USERNAME", user.username);
                return steps.challenge(client, user, new Challenge.Custom(challenge, List.copyOf(answers)), parameters);
            default:
                throw CognitoException.notAuthorized(Users.INCORRECT);
        }
    }

    /** Checks {@code ANSWER} with the verify trigger; the session is used up whatever the answer. */
    JsonObject answer(ChallengeSession session, Challenge.Custom challenge, Map<String, String> responses) {
        String answer = Request.requiredParameter(responses, "ANSWER");
        ClientState client = session.client();
        UserState user = session.user();
        CustomAuthTriggers triggers = triggers(client);
        boolean right = call("VerifyAuthChallengeResponse",
                () -> triggers.verify(user.username, challenge.challenge(), answer));
        sessions.consume(session);
        List<Boolean> answers = new ArrayList<>(challenge.answers());
        answers.add(right);
        return next(client, user, List.copyOf(answers));
    }

    /** @throws CognitoException if the pool has no custom authentication triggers */
    static CustomAuthTriggers triggers(ClientState client) {
        return client.pool.settings.customAuth().orElseThrow(() -> CognitoException.invalidParameter(
                "Custom auth lambda trigger is not configured for the user pool."));
    }

    private static <T> T call(String trigger, Supplier<T> work) {
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            throw new CognitoException("UserLambdaValidationException",
                    trigger + " failed with error " + e.getMessage() + ".");
        }
        if (result == null) {
            throw new CognitoException("InvalidLambdaResponseException", "Invalid " + trigger + " Lambda response.");
        }
        return result;
    }
}
