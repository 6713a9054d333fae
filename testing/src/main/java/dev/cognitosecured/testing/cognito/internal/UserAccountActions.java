package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.testing.cognito.AccountSettings;
import dev.cognitosecured.testing.cognito.CodePurpose;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/**
 * The account actions a signed-in user authorizes with an access token: {@code ChangePassword}, {@code
 * UpdateUserAttributes}, {@code GetUserAttributeVerificationCode}, {@code VerifyUserAttribute}, {@code
 * DeleteUserAttributes}, {@code DeleteUser}. Guarded by {@link CognitoService}'s lock.
 */
final class UserAccountActions {

    private final TokenService tokens;
    private final Passwords passwords;
    private final Codes codes;
    private final InstantSource clock;

    UserAccountActions(TokenService tokens, Passwords passwords, Codes codes, InstantSource clock) {
        this.tokens = tokens;
        this.passwords = passwords;
        this.codes = codes;
        this.clock = clock;
    }

    /** {@code ChangePassword}: the previous password, then a new one that meets the policy. */
    JsonObject changePassword(Request request) {
        IssuedAccessToken token = tokens.usableAccessToken(request.required("AccessToken"));
        UserState user = token.family().user;
        String previous = request.required("PreviousPassword");
        String proposed = request.required("ProposedPassword");
        PoolState pool = token.family().client.pool;
        user.lockout.check(clock.instant());
        if (!previous.equals(user.password)) {
            user.lockout.recordFailure(clock.instant());
            throw CognitoException.notAuthorized(Users.INCORRECT);
        }
        PasswordRules.check(pool.settings.passwordPolicy(), proposed);
        passwords.set(pool, user, proposed, false);
        user.lockout.reset();
        return Json.createObjectBuilder().build();
    }

    /**
     * {@code UpdateUserAttributes}: the new values; an auto-verified attribute that changes gets a code, and is
     * unverified until it comes back, or (with {@code verifyBeforeUpdate}) keeps its old value until then.
     */
    JsonObject updateUserAttributes(Request request) {
        IssuedAccessToken token = tokens.usableAccessToken(request.required("AccessToken"));
        UserState user = token.family().user;
        PoolState pool = token.family().client.pool;
        AccountSettings account = pool.settings.account();
        Map<String, String> changes = request.attributeList("UserAttributes");
        UserAttributes.checkWritable(changes.keySet());
        for (Map.Entry<String, String> change : changes.entrySet()) {
            if (change.getValue().isEmpty() && pool.settings.requiredAttributes().contains(change.getKey())) {
                throw CognitoException.invalidParameter("Attributes did not conform to the schema: " + change.getKey()
                        + ": The attribute " + change.getKey() + " is required");
            }
        }
        JsonArrayBuilder deliveries = Json.createArrayBuilder();
        for (Map.Entry<String, String> change : changes.entrySet()) {
            String name = change.getKey();
            String value = change.getValue();
            boolean changed = !value.equals(user.attributes.get(name));
            if (!account.verifies(name) || !changed) {
                user.attributes.put(name, value);
                continue;
            }
            if (account.verifyBeforeUpdate().contains(name)) {
                user.unverifiedValues.put(name, value);
            } else {
                user.attributes.put(name, value);
                user.attributes.put(name + "_verified", "false");
            }
            deliveries.add(SignUpActions.details(codes.send(pool, user, CodePurpose.ATTRIBUTE_VERIFICATION, name,
                    user.unverifiedValues.getOrDefault(name, value))));
        }
        return Json.createObjectBuilder().add("CodeDeliveryDetailsList", deliveries).build();
    }

    /** {@code GetUserAttributeVerificationCode}: a new code to verify {@code email} or {@code phone_number}. */
    JsonObject getUserAttributeVerificationCode(Request request) {
        IssuedAccessToken token = tokens.usableAccessToken(request.required("AccessToken"));
        UserState user = token.family().user;
        String name = request.required("AttributeName");
        if (!name.equals("email") && !name.equals("phone_number")) {
            throw CognitoException.invalidParameter("Invalid attribute name: " + name);
        }
        String destination = user.unverifiedValues.getOrDefault(name, user.attributes.getOrDefault(name, ""));
        if (destination.isEmpty()) {
            throw CognitoException.invalidParameter("User has no " + name + " to verify");
        }
        return Json.createObjectBuilder().add("CodeDeliveryDetails", SignUpActions.details(codes.send(
                token.family().client.pool, user, CodePurpose.ATTRIBUTE_VERIFICATION, name, destination))).build();
    }

    /** {@code VerifyUserAttribute}: the code verifies the attribute (and makes a held new value effective). */
    JsonObject verifyUserAttribute(Request request) {
        IssuedAccessToken token = tokens.usableAccessToken(request.required("AccessToken"));
        UserState user = token.family().user;
        String name = request.required("AttributeName");
        String code = request.required("Code");
        codes.check(user, CodePurpose.ATTRIBUTE_VERIFICATION, name, code);
        String held = user.unverifiedValues.remove(name);
        if (held != null) {
            user.attributes.put(name, held);
        }
        user.attributes.put(name + "_verified", "true");
        return Json.createObjectBuilder().build();
    }

    /** {@code DeleteUserAttributes}: removes attributes that are not required. */
    JsonObject deleteUserAttributes(Request request) {
        IssuedAccessToken token = tokens.usableAccessToken(request.required("AccessToken"));
        UserState user = token.family().user;
        PoolState pool = token.family().client.pool;
        List<String> names = request.stringList("UserAttributeNames");
        UserAttributes.checkWritable(names);
        for (String name : names) {
            if (pool.settings.requiredAttributes().contains(name)) {
                throw CognitoException.invalidParameter("Attributes did not conform to the schema: " + name
                        + ": The attribute " + name + " is required");
            }
        }
        for (String name : names) {
            user.attributes.remove(name);
            user.unverifiedValues.remove(name);
            if (name.equals("email") || name.equals("phone_number")) {
                user.attributes.remove(name + "_verified");
            }
        }
        return Json.createObjectBuilder().build();
    }

    /** {@code DeleteUser}: the user is gone; its tokens are refused from now on. */
    JsonObject deleteUser(Request request) {
        IssuedAccessToken token = tokens.usableAccessToken(request.required("AccessToken"));
        UserState user = token.family().user;
        token.family().client.pool.remove(user.username);
        user.deleted = true;
        return Json.createObjectBuilder().build();
    }
}
