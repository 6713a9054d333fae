package dev.cognitosecured.testing.cognito;

/** Why LocalCognito sent a code: what the {@link SentCode} is for. */
public enum CodePurpose {
    /** Confirming a new account ({@code SignUp}, {@code ResendConfirmationCode}); valid 24 hours. */
    SIGN_UP,
    /** Resetting a forgotten password ({@code ForgotPassword}); valid 1 hour. */
    FORGOT_PASSWORD,
    /**
     * Verifying an e-mail address or phone number ({@code UpdateUserAttributes},
     * {@code GetUserAttributeVerificationCode}); valid 24 hours.
     */
    ATTRIBUTE_VERIFICATION,
    /** A second factor or one-time password of a sign-in ({@code SMS_MFA}, {@code EMAIL_OTP}); valid for the challenge's session. */
    SIGN_IN
}
