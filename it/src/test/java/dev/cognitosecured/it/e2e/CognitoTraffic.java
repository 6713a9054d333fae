package dev.cognitosecured.it.e2e;

import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.LocalCognito;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One snapshot of what reached {@link LocalCognito}: the requests per action, and the
 * {@code RespondToAuthChallenge} requests per challenge they answered (right or wrong). Two snapshots
 * give the traffic between them ({@link #since}).
 *
 * <p>LocalCognito refuses an answer sent with a spent session ("session can only be used once") and
 * counts it like any other answer. So when every {@code RespondToAuthChallenge} is one of the answers a
 * sign-in needed, each sent exactly once, and each was followed by the next step, no answer was refused.
 */
public final class CognitoTraffic {

    /** The challenges LocalCognito issues, as named on the wire. */
    private static final List<String> CHALLENGES = List.of("PASSWORD_VERIFIER", "NEW_PASSWORD_REQUIRED",
            "SELECT_MFA_TYPE", "SMS_MFA", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA", "MFA_SETUP", "CUSTOM_CHALLENGE");

    private final Map<Action, Long> requests;
    private final Map<String, Long> answers;

    private CognitoTraffic(Map<Action, Long> requests, Map<String, Long> answers) {
        this.requests = requests;
        this.answers = answers;
    }

    /** What has reached {@code cognito} since its counts were last reset. */
    public static CognitoTraffic of(LocalCognito cognito) {
        Objects.requireNonNull(cognito, "cognito");
        Map<Action, Long> requests = new EnumMap<>(Action.class);
        for (Action action : Action.values()) {
            requests.put(action, cognito.requestCount(action));
        }
        Map<String, Long> answers = new LinkedHashMap<>();
        for (String challenge : CHALLENGES) {
            answers.put(challenge, cognito.challengeResponseCount(challenge));
        }
        return new CognitoTraffic(requests, answers);
    }

    /** What reached LocalCognito between {@code earlier} and this snapshot. */
    public CognitoTraffic since(CognitoTraffic earlier) {
        Map<Action, Long> requestsSince = new EnumMap<>(Action.class);
        requests.forEach((action, count) -> requestsSince.put(action, count - earlier.requests.get(action)));
        Map<String, Long> answersSince = new LinkedHashMap<>();
        answers.forEach((challenge, count) -> answersSince.put(challenge, count - earlier.answers.get(challenge)));
        return new CognitoTraffic(requestsSince, answersSince);
    }

    /** The requests for {@code action}. */
    public long requests(Action action) {
        return requests.get(action);
    }

    /** The requests for every action. */
    public long totalRequests() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Per challenge answered at least once, how many answers to it arrived (in the order of {@link #CHALLENGES}). */
    public Map<String, Long> answers() {
        Map<String, Long> answered = new LinkedHashMap<>();
        answers.forEach((challenge, count) -> {
            if (count != 0) {
                answered.put(challenge, count);
            }
        });
        return answered;
    }

    /** The answers to every challenge. */
    public long answerCount() {
        return answers.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
        Map<Action, Long> sent = new EnumMap<>(Action.class);
        requests.forEach((action, count) -> {
            if (count != 0) {
                sent.put(action, count);
            }
        });
        return "CognitoTraffic[requests=" + sent + ", answers=" + answers() + "]";
    }
}
