package dev.cognitosecured.testing.cognito;

/**
 * The rules a new password must follow ({@code NEW_PASSWORD_REQUIRED}), as a user pool's password policy.
 * Passwords given when seeding users are not checked, so tests may use any.
 *
 * @param minimumLength the fewest characters
 * @param requireUppercase whether an upper-case letter is needed
 * @param requireLowercase whether a lower-case letter is needed
 * @param requireNumbers whether a digit is needed
 * @param requireSymbols whether a character other than a letter or digit is needed
 */
public record PasswordPolicy(
        int minimumLength,
        boolean requireUppercase,
        boolean requireLowercase,
        boolean requireNumbers,
        boolean requireSymbols) {

    /**
     * A policy.
     *
     * @param minimumLength the fewest characters, 6 to 99 as in Cognito
     * @param requireUppercase whether an upper-case letter is needed
     * @param requireLowercase whether a lower-case letter is needed
     * @param requireNumbers whether a digit is needed
     * @param requireSymbols whether a character other than a letter or digit is needed
     * @throws IllegalArgumentException if {@code minimumLength} is not between 6 and 99
     */
    public PasswordPolicy {
        if (minimumLength < 6 || minimumLength > 99) {
            throw new IllegalArgumentException("minimumLength must be between 6 and 99, as in Cognito: " + minimumLength);
        }
    }

    /** {@return Cognito's default: at least 8 characters with an upper-case and a lower-case letter, a digit and a symbol} */
    public static PasswordPolicy cognitoDefault() {
        return new PasswordPolicy(8, true, true, true, true);
    }
}
