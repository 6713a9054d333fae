package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.testing.cognito.AccountSettings;
import dev.cognitosecured.testing.cognito.CodePurpose;
import dev.cognitosecured.testing.cognito.SentCode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.Optional;

/**
 * The account actions made by app client, before anyone is signed in: {@code SignUp}, {@code ConfirmSignUp},
 * {@code ResendConfirmationCode}, {@code ForgotPassword}, {@code ConfirmForgotPassword}. Guarded by {@link
 * CognitoService}'s lock.
 */
final class SignUpActions {

    private static final String ALREADY_CONFIRMED = "User cannot be confirmed. Current status is CONFIRMED";

    private final Directory directory;
    private final Passwords passwords;
    private final Codes codes;

    SignUpActions(Directory directory, Passwords passwords, Codes codes) {
        this.directory = directory;
        this.passwords = passwords;
        this.codes = codes;
    }

    /** {@code SignUp}: an unconfirmed user, and a code to its first auto-verified attribute. */
    JsonObject signUp(Request request) {
        ClientState client = directory.client(request.required("ClientId"));
        String username = request.required("Username");
        ClientSecrets.checkSecretHash(client, request.optional("SecretHash"), username);
        String password = request.required("Password");
        PoolState pool = client.pool;
        AccountSettings account = pool.settings.account();
        if (!account.selfSignUp()) {
            throw CognitoException.notAuthorized("SignUp is not permitted for this user pool");
        }
        if (pool.user(username).isPresent()) {
            throw new CognitoException("UsernameExistsException", "User already exists");
        }
        PasswordRules.check(pool.settings.passwordPolicy(), password);
        Map<String, String> attributes = request.attributeList("UserAttributes");
        UserAttributes.checkWritable(attributes.keySet());
        for (String required : pool.settings.requiredAttributes()) {
            if (attributes.getOrDefault(required, "").isEmpty()) {
                throw CognitoException.invalidParameter(
                        "Attributes did not conform to the schema: " + required + ": The attribute " + required
                                + " is required");
            }
        }
        UserState user = new UserState(username, Ids.uuid());
        passwords.set(pool, user, password, false);
        user.attributes.putAll(attributes);
        pool.add(user);
        JsonObjectBuilder answer = Json.createObjectBuilder().add("UserSub", user.sub);
        if (account.autoConfirm()) {
            return answer.add("UserConfirmed", true).build();
        }
        user.confirmed = false;
        answer.add("UserConfirmed", false);
        confirmationAttribute(account, user).ifPresent(attribute ->
                answer.add("CodeDeliveryDetails", details(codes.send(pool, user, CodePurpose.SIGN_UP, attribute))));
        return answer.build();
    }

    /** {@code ConfirmSignUp}: the code sent at sign-up confirms the user and verifies where it went. */
    JsonObject confirmSignUp(Request request) {
        ClientState client = directory.client(request.required("ClientId"));
        String username = request.required("Username");
        ClientSecrets.checkSecretHash(client, request.optional("SecretHash"), username);
        String code = request.required("ConfirmationCode");
        UserState user = client.pool.user(username).orElseThrow(() -> Users.unknownUser(client));
        if (user.confirmed) {
            throw CognitoException.notAuthorized(ALREADY_CONFIRMED);
        }
        String attribute = confirmationAttribute(client.pool.settings.account(), user)
                .orElseThrow(() -> CognitoException.expiredCode(Codes.EXPIRED));
        codes.check(user, CodePurpose.SIGN_UP, attribute, code);
        user.confirmed = true;
        user.attributes.put(attribute + "_verified", "true");
        return Json.createObjectBuilder().build();
    }

    /** {@code ResendConfirmationCode}: a new sign-up code, which replaces the last. */
    JsonObject resendConfirmationCode(Request request) {
        ClientState client = directory.client(request.required("ClientId"));
        String username = request.required("Username");
        ClientSecrets.checkSecretHash(client, request.optional("SecretHash"), username);
        UserState user = client.pool.user(username).orElseThrow(() -> Users.unknownUser(client));
        if (user.confirmed) {
            throw CognitoException.invalidParameter("User is already confirmed.");
        }
        String attribute = confirmationAttribute(client.pool.settings.account(), user).orElseThrow(() ->
                CognitoException.invalidParameter("Auto verification not turned on."));
        SentCode sent = codes.send(client.pool, user, CodePurpose.SIGN_UP, attribute);
        return Json.createObjectBuilder().add("CodeDeliveryDetails", details(sent)).build();
    }

    /** {@code ForgotPassword}: a reset code to the user's verified e-mail address, else verified phone. */
    JsonObject forgotPassword(Request request) {
        ClientState client = directory.client(request.required("ClientId"));
        String username = request.required("Username");
        ClientSecrets.checkSecretHash(client, request.optional("SecretHash"), username);
        Optional<UserState> found = client.pool.user(username);
        if (found.isEmpty()) {
            if (client.settings.preventUserExistenceErrors()) {
                // Cognito answers as if a code was sent, so that the answer does not tell who exists.
                return Json.createObjectBuilder().add("CodeDeliveryDetails", Json.createObjectBuilder()
                        .add("Destination", "u***@e***").add("DeliveryMedium", "EMAIL")
                        .add("AttributeName", "email")).build();
            }
            throw CognitoException.userNotFound();
        }
        UserState user = found.get();
        if (user.disabled) {
            throw CognitoException.notAuthorized(TokenService.USER_DISABLED);
        }
        String attribute = verified(user, "email") ? "email" : verified(user, "phone_number") ? "phone_number" : null;
        if (attribute == null) {
            throw CognitoException.invalidParameter(
                    "Cannot reset password for the user as there is no registered/verified email or phone_number");
        }
        SentCode sent = codes.send(client.pool, user, CodePurpose.FORGOT_PASSWORD, attribute);
        return Json.createObjectBuilder().add("CodeDeliveryDetails", details(sent)).build();
    }

    /** {@code ConfirmForgotPassword}: the reset code and a new password that meets the policy. */
    JsonObject confirmForgotPassword(Request request) {
        ClientState client = directory.client(request.required("ClientId"));
        String username = request.required("Username");
        ClientSecrets.checkSecretHash(client, request.optional("SecretHash"), username);
        String code = request.required("ConfirmationCode");
        String password = request.required("Password");
        UserState user = client.pool.user(username).orElseThrow(() -> Users.unknownUser(client));
        PasswordRules.check(client.pool.settings.passwordPolicy(), password);
        String attribute = user.pendingCodes.containsKey(CodePurpose.FORGOT_PASSWORD + ":email") ? "email"
                : "phone_number";
        codes.check(user, CodePurpose.FORGOT_PASSWORD, attribute, code);
        passwords.set(client.pool, user, password, false);
        user.lockout.reset();
        if (!user.confirmed) {
            user.confirmed = true;
        }
        return Json.createObjectBuilder().build();
    }

    /** Where the sign-up code of {@code user} goes: its first auto-verified attribute that has a value. */
    private static Optional<String> confirmationAttribute(AccountSettings account, UserState user) {
        for (String attribute : new String[] {"email", "phone_number"}) {
            if (account.verifies(attribute) && user.attribute(attribute).isPresent()) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }

    private static boolean verified(UserState user, String attribute) {
        return user.attribute(attribute).isPresent() && "true".equals(user.attributes.get(attribute + "_verified"));
    }

    /** {@code CodeDeliveryDetails} of {@code sent}. */
    static JsonObjectBuilder details(SentCode sent) {
        return Json.createObjectBuilder()
                .add("Destination", sent.maskedDestination())
                .add("DeliveryMedium", sent.medium())
                .add("AttributeName", sent.attribute());
    }
}
