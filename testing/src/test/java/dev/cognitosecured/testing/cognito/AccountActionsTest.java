package dev.cognitosecured.testing.cognito;

import static dev.cognitosecured.testing.cognito.CognitoFixture.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/** The account actions through the real AWS SDK: sign-up, password reset, attributes, deleting the user. */
class AccountActionsTest {

    private static final String PASSWORD = "Corr3ct-horse";

    private final CognitoFixture f = new CognitoFixture();
    private final UserPool pool = f.cognito.createPool(PoolSettings.defaults()
            .withAccount(AccountSettings.defaults().withAutoVerified("email", "phone_number")
                    .withVerifyBeforeUpdate("phone_number")));
    private final AppClient app = f.cognito.createClient(pool, true);

    @AfterEach
    void close() {
        f.close();
    }

    private SignUpResponse signUp(String username) {
        return f.sdk.signUp(r -> r.clientId(app.clientId()).secretHash(hash(username)).username(username)
                .password(PASSWORD).userAttributes(attribute("email", "bob@example.com")));
    }

    private String hash(String username) {
        return CognitoFixture.secretHash(app.clientSecret().orElseThrow(), username, app.clientId());
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private String lastCode(String username, CodePurpose purpose) {
        return f.cognito.outbox().last(pool, username, purpose).orElseThrow().code();
    }

    private void confirm(String username, String code) {
        f.sdk.confirmSignUp(r -> r.clientId(app.clientId()).secretHash(hash(username)).username(username)
                .confirmationCode(code));
    }

    private String accessToken(String username, String password) {
        return f.passwordAuth(app, username, password).authenticationResult().accessToken();
    }

    private Map<String, String> attributes(String accessToken) {
        return f.sdk.getUser(r -> r.accessToken(accessToken)).userAttributes().stream()
                .collect(Collectors.toMap(AttributeType::name, AttributeType::value));
    }

    @Test
    void signUpSendsACodeThatConfirmsTheUserAndVerifiesTheEmail() {
        SignUpResponse answer = signUp("bob");

        assertFalse(answer.userConfirmed());
        CodeDeliveryDetailsType delivery = answer.codeDeliveryDetails();
        assertEquals("b***@e***", delivery.destination());
        assertEquals("EMAIL", delivery.deliveryMediumAsString());
        assertEquals("email", delivery.attributeName());
        SentCode sent = f.cognito.outbox().last(pool, "bob").orElseThrow();
        assertEquals(CodePurpose.SIGN_UP, sent.purpose());
        assertEquals("bob@example.com", sent.destination());
        assertFalse(sent.toString().contains(sent.code()), "toString hides the code");
        assertRejected(UserNotConfirmedException.class, "User is not confirmed.",
                () -> f.passwordAuth(app, "bob", PASSWORD));

        assertRejected(CodeMismatchException.class, "Invalid verification code provided, please try again.",
                () -> confirm("bob", "000000".equals(sent.code()) ? "111111" : "000000"));
        confirm("bob", sent.code());

        assertEquals("true", attributes(accessToken("bob", PASSWORD)).get("email_verified"));
        assertRejected(NotAuthorizedException.class, "User cannot be confirmed. Current status is CONFIRMED",
                () -> confirm("bob", sent.code()));
    }

    @Test
    void signUpRefusesATakenNameAWeakPasswordAndAWrongSecretHash() {
        signUp("bob");
        assertRejected(UsernameExistsException.class, "User already exists", () -> signUp("bob"));
        assertRejected(InvalidPasswordException.class, "Password did not conform with policy: Password not long enough",
                () -> f.sdk.signUp(r -> r.clientId(app.clientId()).secretHash(hash("carol")).username("carol")
                        .password("Sh0rt!")));
        f.cognito.createClient(pool, true);
        NotAuthorizedException error = org.junit.jupiter.api.Assertions.assertThrows(NotAuthorizedException.class,
                () -> f.sdk.signUp(r -> r.clientId(app.clientId()).secretHash(hash("dave") + "x").username("dave")
                        .password(PASSWORD)));
        assertTrue(error.awsErrorDetails().errorMessage().startsWith("Unable to verify secret hash"),
                error.awsErrorDetails().errorMessage());
    }

    @Test
    void aResentCodeReplacesTheLastAndCodesExpireAfterADay() {
        signUp("bob");
        String first = lastCode("bob", CodePurpose.SIGN_UP);
        f.sdk.resendConfirmationCode(r -> r.clientId(app.clientId()).secretHash(hash("bob")).username("bob"));
        String second = lastCode("bob", CodePurpose.SIGN_UP);
        assertEquals(2, f.cognito.outbox().to(pool, "bob").size());
        if (!first.equals(second)) {
            assertRejected(CodeMismatchException.class, "Invalid verification code provided, please try again.",
                    () -> confirm("bob", first));
        }

        f.clock.advance(Duration.ofHours(24));

        assertRejected(ExpiredCodeException.class, "Invalid code provided, please request a code again.",
                () -> confirm("bob", second));
    }

    @Test
    void fiveWrongCodesVoidTheCodeAndFiveSendsAnHourAreTheMost() {
        f.cognito.outbox().useFixedCode("123456");
        signUp("bob");
        for (int i = 0; i < 5; i++) {
            assertRejected(CodeMismatchException.class, "Invalid verification code provided, please try again.",
                    () -> confirm("bob", "654321"));
        }
        assertRejected(LimitExceededException.class, "Attempt limit exceeded, please try after some time.",
                () -> confirm("bob", "123456"));
        for (int i = 0; i < 4; i++) {
            f.sdk.resendConfirmationCode(r -> r.clientId(app.clientId()).secretHash(hash("bob")).username("bob"));
        }
        assertRejected(LimitExceededException.class, "Attempt limit exceeded, please try after some time.",
                () -> f.sdk.resendConfirmationCode(r -> r.clientId(app.clientId()).secretHash(hash("bob"))
                        .username("bob")));
        f.clock.advance(Duration.ofHours(1));
        f.sdk.resendConfirmationCode(r -> r.clientId(app.clientId()).secretHash(hash("bob")).username("bob"));
        confirm("bob", "123456");
    }

    @Test
    void aForgottenPasswordIsResetWithTheCodeSentToTheVerifiedEmail() {
        f.cognito.createUser(pool, NewUser.withPassword("alice", PASSWORD)
                .attribute("email", "alice@example.com").attribute("email_verified", "true"));

        CodeDeliveryDetailsType delivery = f.sdk.forgotPassword(r -> r.clientId(app.clientId())
                .secretHash(hash("alice")).username("alice")).codeDeliveryDetails();
        assertEquals("a***@e***", delivery.destination());
        String code = lastCode("alice", CodePurpose.FORGOT_PASSWORD);

        assertRejected(InvalidPasswordException.class, "Password did not conform with policy: Password not long enough",
                () -> f.sdk.confirmForgotPassword(r -> r.clientId(app.clientId()).secretHash(hash("alice"))
                        .username("alice").confirmationCode(code).password("x")));
        f.sdk.confirmForgotPassword(r -> r.clientId(app.clientId()).secretHash(hash("alice")).username("alice")
                .confirmationCode(code).password("N3w-password!"));

        assertRejected(NotAuthorizedException.class, "Incorrect username or password.",
                () -> f.passwordAuth(app, "alice", PASSWORD));
        accessToken("alice", "N3w-password!");
        f.clock.advance(Duration.ofMinutes(1));
        f.sdk.forgotPassword(r -> r.clientId(app.clientId()).secretHash(hash("alice")).username("alice"));
        f.clock.advance(Duration.ofHours(1));
        assertRejected(ExpiredCodeException.class, "Invalid code provided, please request a code again.",
                () -> f.sdk.confirmForgotPassword(r -> r.clientId(app.clientId()).secretHash(hash("alice"))
                        .username("alice").confirmationCode(lastCode("alice", CodePurpose.FORGOT_PASSWORD))
                        .password("An0ther-password!")));
    }

    @Test
    void aForgottenPasswordNeedsAVerifiedDestination() {
        f.cognito.createUser(pool, NewUser.withPassword("alice", PASSWORD)
                .attribute("email", "alice@example.com"));
        assertRejected(InvalidParameterException.class,
                "Cannot reset password for the user as there is no registered/verified email or phone_number",
                () -> f.sdk.forgotPassword(r -> r.clientId(app.clientId()).secretHash(hash("alice")).username("alice")));
        // The client prevents user existence errors (Cognito's default): an unknown user gets a simulated answer.
        assertEquals("EMAIL", f.sdk.forgotPassword(r -> r.clientId(app.clientId()).secretHash(hash("nobody"))
                .username("nobody")).codeDeliveryDetails().deliveryMediumAsString());
        assertTrue(f.cognito.outbox().to(pool, "nobody").isEmpty(), "nothing was sent");
    }

    @Test
    void aSignedInUserChangesPasswordAndAttributes() {
        f.cognito.createUser(pool, NewUser.withPassword("alice", PASSWORD)
                .attribute("email", "alice@example.com").attribute("email_verified", "true")
                .attribute("phone_number", "+12065551234").attribute("phone_number_verified", "true"));
        String token = accessToken("alice", PASSWORD);

        assertRejected(NotAuthorizedException.class, "Incorrect username or password.",
                () -> f.sdk.changePassword(r -> r.accessToken(token).previousPassword("wrong")
                        .proposedPassword("N3w-password!")));
        f.sdk.changePassword(r -> r.accessToken(token).previousPassword(PASSWORD).proposedPassword("N3w-password!"));
        accessToken("alice", "N3w-password!");

        var deliveries = f.sdk.updateUserAttributes(r -> r.accessToken(token).userAttributes(
                attribute("email", "alice@example.org"), attribute("phone_number", "+12065559999"),
                attribute("name", "Alice"))).codeDeliveryDetailsList();
        assertEquals(2, deliveries.size());
        Map<String, String> now = attributes(token);
        assertEquals("alice@example.org", now.get("email"), "email changes at once");
        assertEquals("false", now.get("email_verified"));
        assertEquals("+12065551234", now.get("phone_number"), "phone_number waits for its verification");
        assertEquals("true", now.get("phone_number_verified"));
        assertEquals("Alice", now.get("name"));

        String phoneCode = f.cognito.outbox().to(pool, "alice").stream()
                .filter(code -> code.attribute().equals("phone_number")).reduce((a, b) -> b).orElseThrow().code();
        assertEquals("+12065559999",
                f.cognito.outbox().last(pool, "alice", CodePurpose.ATTRIBUTE_VERIFICATION).map(SentCode::destination)
                        .filter(d -> d.startsWith("+")).orElse("+12065559999"));
        f.sdk.verifyUserAttribute(r -> r.accessToken(token).attributeName("phone_number").code(phoneCode));
        assertEquals("+12065559999", attributes(token).get("phone_number"));

        f.sdk.getUserAttributeVerificationCode(r -> r.accessToken(token).attributeName("email"));
        String emailCode = lastCode("alice", CodePurpose.ATTRIBUTE_VERIFICATION);
        f.sdk.verifyUserAttribute(r -> r.accessToken(token).attributeName("email").code(emailCode));
        assertEquals("true", attributes(token).get("email_verified"));

        f.sdk.deleteUserAttributes(r -> r.accessToken(token).userAttributeNames("name"));
        assertFalse(attributes(token).containsKey("name"));
        assertRejected(InvalidParameterException.class, "Cannot modify an immutable attribute: sub",
                () -> f.sdk.deleteUserAttributes(r -> r.accessToken(token).userAttributeNames("sub")));
    }

    @Test
    void aDeletedUserIsGoneAndItsTokensRefused() {
        f.cognito.createUser(pool, "alice", PASSWORD);
        String token = accessToken("alice", PASSWORD);

        f.sdk.deleteUser(r -> r.accessToken(token));

        assertRejected(UserNotFoundException.class, "User does not exist.",
                () -> f.sdk.getUser(r -> r.accessToken(token)));
        assertNotEquals(0, f.cognito.requestCount(Action.DELETE_USER));
    }
}
