package dev.cognitosecured.testing.cognito;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a user pool treats its users' accounts: sign-up and the verification of e-mail addresses and phone
 * numbers, as Cognito's {@code AdminCreateUserConfig.AllowAdminCreateUserOnly}, {@code AutoVerifiedAttributes}
 * and {@code UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate} set them.
 *
 * @param selfSignUp whether users may sign themselves up ({@code SignUp}); else {@code NotAuthorizedException}
 * @param autoVerifiedAttributes {@code email} and/or {@code phone_number}: a code is sent to verify them at
 *     sign-up (which confirms the account) and when they change
 * @param verifyBeforeUpdate of the auto-verified attributes, those whose new value takes effect only once
 *     verified (the old one stays, verified, until then)
 * @param autoConfirm whether sign-up confirms the user at once, as a pre sign-up trigger returning
 *     {@code autoConfirmUser} does (no code is sent)
 */
public record AccountSettings(
        boolean selfSignUp,
        Set<String> autoVerifiedAttributes,
        Set<String> verifyBeforeUpdate,
        boolean autoConfirm) {

    private static final Set<String> VERIFIABLE = Set.of("email", "phone_number");

    /**
     * Settings with unmodifiable copies of the sets.
     *
     * @param selfSignUp whether users may sign themselves up
     * @param autoVerifiedAttributes {@code email} and/or {@code phone_number}, verified by a code
     * @param verifyBeforeUpdate of the auto-verified attributes, those whose new value waits for verification
     * @param autoConfirm whether sign-up confirms the user at once
     * @throws IllegalArgumentException if an auto-verified attribute is neither {@code email} nor
     *     {@code phone_number}, or {@code verifyBeforeUpdate} holds one that is not auto-verified
     */
    public AccountSettings {
        autoVerifiedAttributes = Set.copyOf(new LinkedHashSet<>(autoVerifiedAttributes));
        verifyBeforeUpdate = Set.copyOf(new LinkedHashSet<>(verifyBeforeUpdate));
        for (String attribute : autoVerifiedAttributes) {
            if (!VERIFIABLE.contains(attribute)) {
                throw new IllegalArgumentException("only email and phone_number can be verified: " + attribute);
            }
        }
        if (!autoVerifiedAttributes.containsAll(verifyBeforeUpdate)) {
            throw new IllegalArgumentException("verifyBeforeUpdate " + verifyBeforeUpdate
                    + " must be among the auto-verified attributes " + autoVerifiedAttributes);
        }
    }

    /**
     * {@return the default settings: self sign-up allowed, {@code email} verified by a code, new values effective
     * at once, no auto-confirm}
     */
    public static AccountSettings defaults() {
        return new AccountSettings(true, Set.of("email"), Set.of(), false);
    }

    /**
     * These settings with {@code attributes} verified by a code, and none of them waiting for verification before
     * an update.
     *
     * @param attributes {@code email} and/or {@code phone_number}, or none
     * @return new settings
     */
    public AccountSettings withAutoVerified(String... attributes) {
        return new AccountSettings(selfSignUp, Set.copyOf(List.of(attributes)), Set.of(), autoConfirm);
    }

    /**
     * These settings where a new value of {@code attributes} takes effect only once verified.
     *
     * @param attributes some of the auto-verified attributes
     * @return new settings
     */
    public AccountSettings withVerifyBeforeUpdate(String... attributes) {
        return new AccountSettings(selfSignUp, autoVerifiedAttributes, Set.copyOf(List.of(attributes)), autoConfirm);
    }

    /** {@return these settings with self sign-up refused (only an administrator creates users)} */
    public AccountSettings withoutSelfSignUp() {
        return new AccountSettings(false, autoVerifiedAttributes, verifyBeforeUpdate, autoConfirm);
    }

    /** {@return these settings where sign-up confirms the user at once} */
    public AccountSettings withAutoConfirm() {
        return new AccountSettings(selfSignUp, autoVerifiedAttributes, verifyBeforeUpdate, true);
    }

    /**
     * {@return whether {@code attribute} is verified by a code}
     *
     * @param attribute an attribute's name, e.g. {@code email}
     */
    public boolean verifies(String attribute) {
        return autoVerifiedAttributes.contains(Objects.requireNonNull(attribute, "attribute"));
    }
}
