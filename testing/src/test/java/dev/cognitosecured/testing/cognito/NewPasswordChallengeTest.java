package dev.cognitosecured.testing.cognito;

import static dev.cognitosecured.testing.cognito.CognitoFixture.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.json.Json;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

class NewPasswordChallengeTest {

    private final CognitoFixture f = new CognitoFixture();
    private final UserPool pool = f.cognito.createPool(PoolSettings.defaults().withRequiredAttributes("name"));
    private final AppClient app = f.cognito.createClient(pool, false);

    NewPasswordChallengeTest() {
        f.cognito.createUser(pool, NewUser.withTemporaryPassword("bob", "Temp-0rary").attribute("email", "bob@example.com"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aTemporaryPasswordAsksForANewOneAndTheMissingRequiredAttributes() {
        InitiateAuthResponse start = f.passwordAuth(app, "bob", "Temp-0rary");

        assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, start.challengeName());
        assertNotNull(start.session());
        Map<String, String> parameters = start.challengeParameters();
        assertEquals("bob", parameters.get("USER_ID_FOR_SRP"));
        assertEquals(List.of("userAttributes.name"),
                Json.createReader(new StringReader(parameters.get("requiredAttributes"))).readArray()
                        .getValuesAs(jakarta.json.JsonString::getString));
        assertEquals("bob@example.com", Json.createReader(new StringReader(parameters.get("userAttributes")))
                .readObject().getString("email"));
    }

    @Test
    void theNewPasswordAndAttributesCompleteTheSignInAndReplaceTheTemporaryPassword() {
        String session = f.passwordAuth(app, "bob", "Temp-0rary").session();

        RespondToAuthChallengeResponse done = f.respond(app, ChallengeNameType.NEW_PASSWORD_REQUIRED, session, "bob",
                Map.of("NEW_PASSWORD", "N3w-password!", "userAttributes.name", "Bob"));

        assertEquals("Bob", f.verifiedClaims(pool, done.authenticationResult().idToken()).getClaim("name"));
        assertRejected(NotAuthorizedException.class, "Incorrect username or password.",
                () -> f.passwordAuth(app, "bob", "Temp-0rary"));
        assertNotNull(f.passwordAuth(app, "bob", "N3w-password!").authenticationResult());
    }

    @Test
    void aMissingRequiredAttributeIsRefusedAndTheSessionStaysUsable() {
        String session = f.passwordAuth(app, "bob", "Temp-0rary").session();

        assertRejected(InvalidParameterException.class, "Invalid attributes given, name is missing",
                () -> f.respond(app, ChallengeNameType.NEW_PASSWORD_REQUIRED, session, "bob",
                        Map.of("NEW_PASSWORD", "N3w-password!")));
        assertNotNull(f.respond(app, ChallengeNameType.NEW_PASSWORD_REQUIRED, session, "bob",
                Map.of("NEW_PASSWORD", "N3w-password!", "userAttributes.name", "Bob")).authenticationResult());
    }

    @Test
    void aNewPasswordMustFollowThePolicy() {
        String session = f.passwordAuth(app, "bob", "Temp-0rary").session();

        assertRejected(InvalidPasswordException.class, "Password did not conform with policy: Password not long enough",
                () -> answer(session, "Sh0rt!"));
        assertRejected(InvalidPasswordException.class,
                "Password did not conform with policy: Password must have uppercase characters",
                () -> answer(session, "n3w-password!"));
        assertRejected(InvalidPasswordException.class,
                "Password did not conform with policy: Password must have lowercase characters",
                () -> answer(session, "N3W-PASSWORD!"));
        assertRejected(InvalidPasswordException.class,
                "Password did not conform with policy: Password must have numeric characters",
                () -> answer(session, "New-password!"));
        assertRejected(InvalidPasswordException.class,
                "Password did not conform with policy: Password must have symbol characters",
                () -> answer(session, "N3wpassword"));
    }

    @Test
    void aSessionCanOnlyBeUsedOnce() {
        String session = f.passwordAuth(app, "bob", "Temp-0rary").session();
        answer(session, "N3w-password!");

        assertRejected(NotAuthorizedException.class, "Invalid session for the user, session can only be used once.",
                () -> answer(session, "N3w-password!"));
    }

    @Test
    void aSessionExpiresAfterTheClientsAuthSessionValidity() {
        String session = f.passwordAuth(app, "bob", "Temp-0rary").session();
        f.clock.advance(Duration.ofMinutes(3));

        assertRejected(NotAuthorizedException.class, "Invalid session for the user, session is expired.",
                () -> answer(session, "N3w-password!"));
    }

    @Test
    void aSessionIsValidUpToTheLastMomentOfItsValidity() {
        AppClient slow = f.cognito.createClient(pool, ClientSettings.defaults().withAuthSessionValidity(Duration.ofMinutes(15)));
        String session = f.passwordAuth(slow, "bob", "Temp-0rary").session();
        f.clock.advance(Duration.ofMinutes(15).minusMillis(1));

        assertNotNull(f.respond(slow, ChallengeNameType.NEW_PASSWORD_REQUIRED, session, "bob",
                Map.of("NEW_PASSWORD", "N3w-password!", "userAttributes.name", "Bob")).authenticationResult());
    }

    @Test
    void anInventedSessionOrOneOfAnotherClientIsInvalid() {
        String session = f.passwordAuth(app, "bob", "Temp-0rary").session();
        AppClient other = f.cognito.createClient(pool, false);

        assertRejected(NotAuthorizedException.class, "Invalid session for the user.",
                () -> answer("x".repeat(40), "N3w-password!"));
        assertRejected(NotAuthorizedException.class, "Invalid session for the user.",
                () -> f.respond(other, ChallengeNameType.NEW_PASSWORD_REQUIRED, session, "bob",
                        Map.of("NEW_PASSWORD", "N3w-password!", "userAttributes.name", "Bob")));
    }

    @Test
    void anAnswerToAnotherChallengeIsRefusedAndLeavesTheSessionUsable() {
        String session = f.passwordAuth(app, "bob", "Temp-0rary").session();

        assertRejected(NotAuthorizedException.class, "Invalid session for the user.",
                () -> f.respond(app, ChallengeNameType.SMS_MFA, session, "bob", Map.of("SMS_MFA_CODE", "123456")));
        assertNotNull(answer(session, "N3w-password!").authenticationResult());
    }

    @Test
    void aTemporaryPasswordExpiresAfterThePoolsValidity() {
        f.clock.advance(Duration.ofDays(7));

        assertRejected(NotAuthorizedException.class,
                "Temporary password has expired and must be reset by an administrator.",
                () -> f.passwordAuth(app, "bob", "Temp-0rary"));
    }

    private RespondToAuthChallengeResponse answer(String session, String newPassword) {
        return f.respond(app, ChallengeNameType.NEW_PASSWORD_REQUIRED, session, "bob",
                Map.of("NEW_PASSWORD", newPassword, "userAttributes.name", "Bob"));
    }
}
