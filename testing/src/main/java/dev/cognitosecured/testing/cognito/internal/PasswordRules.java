package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.testing.cognito.PasswordPolicy;

/** Checks a new password against the pool's policy, with Cognito's messages. */
final class PasswordRules {

    private static final String PREFIX = "Password did not conform with policy: ";

    private PasswordRules() {}

    /** @throws CognitoException {@code InvalidPasswordException} naming the first rule broken */
    static void check(PasswordPolicy policy, String password) {
        if (password.length() < policy.minimumLength()) {
            throw CognitoException.invalidPassword(PREFIX + "Password not long enough");
        }
        if (policy.requireUppercase() && password.chars().noneMatch(Character::isUpperCase)) {
            throw CognitoException.invalidPassword(PREFIX + "Password must have uppercase characters");
        }
        if (policy.requireLowercase() && password.chars().noneMatch(Character::isLowerCase)) {
            throw CognitoException.invalidPassword(PREFIX + "Password must have lowercase characters");
        }
        if (policy.requireNumbers() && password.chars().noneMatch(Character::isDigit)) {
            throw CognitoException.invalidPassword(PREFIX + "Password must have numeric characters");
        }
        if (policy.requireSymbols() && password.chars().allMatch(Character::isLetterOrDigit)) {
            throw CognitoException.invalidPassword(PREFIX + "Password must have symbol characters");
        }
    }
}
