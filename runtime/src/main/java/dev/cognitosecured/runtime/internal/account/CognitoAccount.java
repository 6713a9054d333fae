package dev.cognitosecured.runtime.internal.account;

import dev.cognitosecured.runtime.Account;
import dev.cognitosecured.runtime.AttributeUpdateStep;
import dev.cognitosecured.runtime.CodeDeliveryDetails;
import dev.cognitosecured.runtime.event.SessionEnded;
import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;

/**
 * The signed-in user's {@link Account}, over {@link SignedInCalls}: every request with a fresh access token
 * of the store of the bean's scope. It keeps nothing between requests; when its scope is passivated it is
 * written as the proxy {@code passivated} makes.
 */
public final class CognitoAccount extends AccountBean implements Account {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final String NEW_CODE = "call Account.sendVerificationCode(attribute)";

    private final transient SignedInCalls calls;
    private final transient OneRequestAtATime oneAtATime = new OneRequestAtATime("Account");

    public CognitoAccount(SignedInCalls calls, Supplier<Object> passivated) {
        super("Account", Objects.requireNonNull(calls, "calls").cognito(), passivated);
        this.calls = calls;
    }

    @Override
    public Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        calls.call("GetUser", NO_CODE, token -> client().getUser(request -> request.accessToken(token)))
                .userAttributes().forEach(attribute -> attributes.put(attribute.name(), attribute.value()));
        return Map.copyOf(attributes);
    }

    @Override
    public Map<String, AttributeUpdateStep> updateAttributes(Map<String, String> attributes) {
        Objects.requireNonNull(attributes, "attributes");
        List<AttributeType> changes = new ArrayList<>();
        attributes.forEach((name, value) -> changes.add(AttributeType.builder().name(name).value(value).build()));
        List<CodeDeliveryDetailsType> deliveries = calls.call("UpdateUserAttributes", NEW_CODE,
                token -> client().updateUserAttributes(request -> request.accessToken(token).userAttributes(changes)))
                .codeDeliveryDetailsList();
        Map<String, AttributeUpdateStep> steps = new LinkedHashMap<>();
        attributes.keySet().forEach(name -> steps.put(name, new AttributeUpdateStep.Done(name)));
        for (CodeDeliveryDetailsType delivery : deliveries) {
            CodeDeliveryDetails details = Deliveries.of(delivery, "UpdateUserAttributes");
            steps.put(details.attribute(), new AttributeUpdateStep.ConfirmWithCode(details.attribute(), details));
        }
        return java.util.Collections.unmodifiableMap(steps);
    }

    @Override
    public CodeDeliveryDetails sendVerificationCode(String attribute) {
        Objects.requireNonNull(attribute, "attribute");
        return Deliveries.of(calls.call("GetUserAttributeVerificationCode", NEW_CODE,
                token -> client().getUserAttributeVerificationCode(request -> request
                        .accessToken(token).attributeName(attribute))).codeDeliveryDetails(),
                "GetUserAttributeVerificationCode");
    }

    @Override
    public void confirmAttribute(String attribute, String code) {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(code, "code");
        oneAtATime.run(() -> calls.call("VerifyUserAttribute", NEW_CODE,
                token -> client().verifyUserAttribute(request -> request
                        .accessToken(token).attributeName(attribute).code(code))));
    }

    @Override
    public void deleteAttributes(Collection<String> names) {
        List<String> copy = List.copyOf(names);
        calls.call("DeleteUserAttributes", NO_CODE,
                token -> client().deleteUserAttributes(request -> request.accessToken(token).userAttributeNames(copy)));
    }

    @Override
    public void changePassword(char[] oldPassword, char[] newPassword) {
        Objects.requireNonNull(oldPassword, "oldPassword");
        Objects.requireNonNull(newPassword, "newPassword");
        String previous = new String(oldPassword);
        String proposed = new String(newPassword);
        oneAtATime.run(() -> calls.call("ChangePassword", NO_CODE,
                token -> client().changePassword(request -> request
                        .accessToken(token).previousPassword(previous).proposedPassword(proposed))));
    }

    @Override
    public void signOutEverywhere() {
        calls.call("GlobalSignOut", NO_CODE, token -> client().globalSignOut(request -> request.accessToken(token)));
        calls.store().end(SessionEnded.Reason.SIGNED_OUT_EVERYWHERE);
    }

    @Override
    public void deleteUser() {
        calls.call("DeleteUser", NO_CODE, token -> client().deleteUser(request -> request.accessToken(token)));
        calls.store().end(SessionEnded.Reason.USER_DELETED);
    }
}
