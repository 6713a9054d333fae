package dev.cognitosecured.it.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.internal.config.PoolConfig.AuthFlowType;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.CustomAuthTriggers;
import dev.cognitosecured.testing.cognito.PoolSettings;
import dev.cognitosecured.testing.cognito.UserPool;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;

/**
 * {@code auth-flow=CUSTOM_AUTH} against LocalCognito, through the runtime's real flow, store and identity
 * provider over the AWS SDK: with a password, SRP proves it first ({@code CHALLENGE_NAME=SRP_A}) and then
 * the pool's triggers ask their custom challenges; with an empty password, the custom challenges come at
 * once. Each answer goes out with the session of the step before it.
 */
class CustomAuthSignInTest {

    @RegisterExtension
    static final LocalCognitoRig LOCAL = new LocalCognitoRig();

    private static final String PASSWORD = "Corr3ct-horse-1";

    private final SessionTrail sessions = new SessionTrail();
    private final InitiateAuthParameters initiated = new InitiateAuthParameters();
    private SignInRig rig;

    /** A pool with {@code quiz} as its custom auth triggers and the user alice, and the sign-in parts for it. */
    private UserPool pool(Quiz quiz, boolean clientSecret, AuthFlowType flow) {
        UserPool pool = LOCAL.cognito.createPool(PoolSettings.defaults().withCustomAuth(quiz));
        LOCAL.cognito.createUser(pool, "alice", PASSWORD);
        AppClient app = LOCAL.cognito.createClient(pool, clientSecret);
        rig = LOCAL.rig(LOCAL.config(app, flow), sessions, initiated);
        return pool;
    }

    private static SignInStep.CustomChallenge question(String question, int round) {
        return new SignInStep.CustomChallenge(Map.of("question", question, "round", String.valueOf(round)));
    }

    @Test
    void srpFirstThenACustomChallengeShowingOnlyItsPublicParametersThenDone() {
        Quiz quiz = Quiz.asking(3, "2+2", "4");
        pool(quiz, true, AuthFlowType.CUSTOM_AUTH);

        SignInStep step = rig.signIn.start("alice", PASSWORD.toCharArray());

        // The trigger's public parameters, as they are: neither the private expected answer nor the user's name.
        assertEquals(question("2+2", 1), step);
        assertEquals(SignInStep.Kind.CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE, step.kind());
        assertEquals(step, rig.signIn.current());
        assertEquals(List.of(List.of()), quiz.defined, "the triggers are asked once the password is proven");

        assertTrue(rig.signIn.confirm("4").isDone());

        assertTrue(rig.signIn.isSignedIn());
        assertEquals("alice", rig.store.tokens(Duration.ZERO).username());
        assertEquals(List.of("InitiateAuth CUSTOM_AUTH", "RespondToAuthChallenge PASSWORD_VERIFIER",
                "RespondToAuthChallenge CUSTOM_CHALLENGE"), sessions.names());
        sessions.assertChained();
        assertEquals(List.of(Set.of("USERNAME", "CHALLENGE_NAME", "SRP_A", "SECRET_HASH")), initiated.names,
                "SRP first, and the password is not sent");
        assertEquals(List.of("SRP_A"), initiated.challengeNames);
        assertEquals(0, LOCAL.cognito.initiateAuthCount("USER_SRP_AUTH"));
    }

    @Test
    void srpFirstWithAWrongPasswordFailsBeforeTheTriggersAreAskedAndMayBeTriedAgain() {
        Quiz quiz = Quiz.asking(3, "2+2", "4");
        pool(quiz, false, AuthFlowType.CUSTOM_AUTH);

        WrongAnswerException wrong = assertThrows(WrongAnswerException.class,
                () -> rig.signIn.start("alice", "Wr0ng-horse-1".toCharArray()));

        assertTrue(wrong.canRetry());
        assertFalse(rig.signIn.isSignedIn());
        assertEquals(List.of(), quiz.defined);
        assertEquals(question("2+2", 1), rig.signIn.start("alice", PASSWORD.toCharArray()));
    }

    @Test
    void aWrongAnswerGetsTheNextCustomChallengeWithANewSession() {
        Quiz quiz = Quiz.asking(3, "2+2", "4");
        pool(quiz, false, AuthFlowType.CUSTOM_AUTH);
        rig.signIn.start("alice", PASSWORD.toCharArray());

        SignInStep second = rig.signIn.confirm("5");

        assertEquals(question("2+2", 2), second, "the triggers asked again");
        assertEquals(second, rig.signIn.current());
        assertFalse(rig.signIn.isSignedIn());
        assertTrue(rig.signIn.confirm("4").isDone());
        assertEquals(List.of(List.of(), List.of(false), List.of(false, true)), quiz.defined);
        assertEquals(List.of("InitiateAuth CUSTOM_AUTH", "RespondToAuthChallenge PASSWORD_VERIFIER",
                "RespondToAuthChallenge CUSTOM_CHALLENGE", "RespondToAuthChallenge CUSTOM_CHALLENGE"), sessions.names());
        sessions.assertChained();
    }

    @Test
    void wrongAnswersUntilTheTriggersFailTheSignIn() {
        Quiz quiz = Quiz.asking(2, "2+2", "4");
        pool(quiz, false, AuthFlowType.CUSTOM_AUTH);
        rig.signIn.start("alice", PASSWORD.toCharArray());
        assertEquals(question("2+2", 2), rig.signIn.confirm("5"));

        WrongAnswerException failed = assertThrows(WrongAnswerException.class, () -> rig.signIn.confirm("3"));

        assertFalse(failed.canRetry(), "the triggers ended the sign-in: it must start again");
        assertFalse(failed.getMessage().contains("Incorrect username"), failed.getMessage());
        assertFalse(rig.signIn.isSignedIn());
        assertThrows(IllegalStateException.class, rig.signIn::current, "no challenge is left to answer");
        assertThrows(IllegalStateException.class, () -> rig.signIn.confirm("4"));
        assertEquals(3, LOCAL.cognito.requestCount(Action.RESPOND_TO_AUTH_CHALLENGE), "nothing more was sent");
        sessions.assertChained();
    }

    @Test
    void twoCustomChallengesInARowEachWithTheSessionOfTheStepBefore() {
        Quiz quiz = Quiz.asking(3, "2+2", "4", "capital of France", "Paris");
        pool(quiz, true, AuthFlowType.CUSTOM_AUTH);

        assertEquals(question("2+2", 1), rig.signIn.start("alice", PASSWORD.toCharArray()));
        assertEquals(question("capital of France", 2), rig.signIn.confirm("4"));
        assertTrue(rig.signIn.confirm("Paris").isDone());

        assertEquals("alice", rig.store.tokens(Duration.ZERO).username());
        assertEquals(List.of("InitiateAuth CUSTOM_AUTH", "RespondToAuthChallenge PASSWORD_VERIFIER",
                "RespondToAuthChallenge CUSTOM_CHALLENGE", "RespondToAuthChallenge CUSTOM_CHALLENGE"), sessions.names());
        sessions.assertChained();
    }

    @Test
    void withoutAPasswordTheCustomChallengesComeFirst() {
        Quiz quiz = Quiz.asking(3, "2+2", "4");
        pool(quiz, true, AuthFlowType.CUSTOM_AUTH);

        assertEquals(question("2+2", 1), rig.signIn.start("alice", new char[0]));
        assertTrue(rig.signIn.confirm("4").isDone());

        assertEquals("alice", rig.store.tokens(Duration.ZERO).username());
        assertEquals(List.of("InitiateAuth CUSTOM_AUTH", "RespondToAuthChallenge CUSTOM_CHALLENGE"), sessions.names());
        sessions.assertChained();
        assertEquals(List.of(Set.of("USERNAME", "SECRET_HASH")), initiated.names);
        assertEquals(0, LOCAL.cognito.challengeResponseCount("PASSWORD_VERIFIER"));
    }

    @Test
    void anEmptyPasswordIsRefusedLocallyByTheOtherFlows() {
        for (AuthFlowType flow : new AuthFlowType[] {AuthFlowType.USER_SRP_AUTH, AuthFlowType.USER_PASSWORD_AUTH}) {
            pool(Quiz.asking(3, "2+2", "4"), false, flow);

            assertThrows(IllegalArgumentException.class, () -> rig.signIn.start("alice", new char[0]), flow.name());
        }
        assertEquals(0, LOCAL.cognito.requestCount(Action.INITIATE_AUTH));
    }

    /**
     * Custom auth triggers that ask their questions in order, each until it is answered right, and fail the
     * sign-in at the {@code wrongAllowed}-th wrong answer. Each challenge shows its question and round; the
     * expected answer is a private parameter. Records what {@code define} was given.
     */
    private static final class Quiz implements CustomAuthTriggers {

        final List<List<Boolean>> defined = new CopyOnWriteArrayList<>();
        private final int wrongAllowed;
        private final List<String> questionsAndAnswers;

        private Quiz(int wrongAllowed, List<String> questionsAndAnswers) {
            this.wrongAllowed = wrongAllowed;
            this.questionsAndAnswers = questionsAndAnswers;
        }

        /** @param questionsAndAnswers a question, its answer, the next question, its answer... */
        static Quiz asking(int wrongAllowed, String... questionsAndAnswers) {
            return new Quiz(wrongAllowed, List.of(questionsAndAnswers));
        }

        @Override
        public Decision define(String username, List<Boolean> answers) {
            defined.add(List.copyOf(answers));
            if (right(answers) == questionsAndAnswers.size() / 2) {
                return Decision.ISSUE_TOKENS;
            }
            return answers.size() - right(answers) >= wrongAllowed ? Decision.FAIL_AUTHENTICATION
                    : Decision.CUSTOM_CHALLENGE;
        }

        @Override
        public CustomChallenge create(String username, List<Boolean> answers) {
            int next = right(answers);
            return new CustomChallenge(
                    Map.of("question", questionsAndAnswers.get(2 * next), "round", String.valueOf(answers.size() + 1)),
                    Map.of("answer", questionsAndAnswers.get(2 * next + 1)));
        }

        @Override
        public boolean verify(String username, CustomChallenge challenge, String answer) {
            return challenge.privateParameters().get("answer").equals(answer);
        }

        private static int right(List<Boolean> answers) {
            return (int) answers.stream().filter(Boolean::booleanValue).count();
        }
    }

    /** The names of the {@code AuthParameters} of each {@code InitiateAuth}, and its {@code CHALLENGE_NAME}. */
    private static final class InitiateAuthParameters implements ExecutionInterceptor {

        final List<Set<String>> names = new CopyOnWriteArrayList<>();
        final List<String> challengeNames = new CopyOnWriteArrayList<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof InitiateAuthRequest request) {
                names.add(Set.copyOf(request.authParameters().keySet()));
                String challengeName = request.authParameters().get("CHALLENGE_NAME");
                if (challengeName != null) {
                    challengeNames.add(challengeName);
                }
            }
        }
    }
}
