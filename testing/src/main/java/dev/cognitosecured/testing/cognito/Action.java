package dev.cognitosecured.testing.cognito;

import java.util.Optional;

/**
 * The Cognito Identity Provider actions LocalCognito answers, for {@link LocalCognito#requestCount(Action)}
 * and {@link LocalCognito#injectFault(Action, Fault)}. Any other action is answered with HTTP 400 {@code
 * UnknownOperationException}.
 */
public enum Action {
    /** {@code InitiateAuth}: starts a sign-in, or refreshes tokens with {@code REFRESH_TOKEN_AUTH}. */
    INITIATE_AUTH("InitiateAuth"),
    /** {@code RespondToAuthChallenge}: answers a sign-in's challenge. */
    RESPOND_TO_AUTH_CHALLENGE("RespondToAuthChallenge"),
    /** {@code GetTokensFromRefreshToken}: refreshes tokens, rotating the refresh token if the client does. */
    GET_TOKENS_FROM_REFRESH_TOKEN("GetTokensFromRefreshToken"),
    /** {@code RevokeToken}: revokes a refresh token and every token issued from the same sign-in. */
    REVOKE_TOKEN("RevokeToken"),
    /** {@code GlobalSignOut}: revokes every token issued to the user so far. */
    GLOBAL_SIGN_OUT("GlobalSignOut"),
    /** {@code AssociateSoftwareToken}: starts enrolling an authenticator app. */
    ASSOCIATE_SOFTWARE_TOKEN("AssociateSoftwareToken"),
    /** {@code VerifySoftwareToken}: completes enrolling an authenticator app with a code from it. */
    VERIFY_SOFTWARE_TOKEN("VerifySoftwareToken"),
    /** {@code SetUserMFAPreference}: turns the user's second factors on or off and sets the preferred one. */
    SET_USER_MFA_PREFERENCE("SetUserMFAPreference"),
    /** {@code GetUser}: the signed-in user's attributes and second factors. */
    GET_USER("GetUser"),
    /** {@code StartWebAuthnRegistration}: the options to register a passkey with. */
    START_WEB_AUTHN_REGISTRATION("StartWebAuthnRegistration"),
    /** {@code CompleteWebAuthnRegistration}: registers a passkey. */
    COMPLETE_WEB_AUTHN_REGISTRATION("CompleteWebAuthnRegistration"),
    /** {@code ListWebAuthnCredentials}: the user's passkeys. */
    LIST_WEB_AUTHN_CREDENTIALS("ListWebAuthnCredentials"),
    /** {@code DeleteWebAuthnCredential}: deletes a passkey. */
    DELETE_WEB_AUTHN_CREDENTIAL("DeleteWebAuthnCredential"),
    /** {@code ConfirmDevice}: registers a new device with its SRP verifier. */
    CONFIRM_DEVICE("ConfirmDevice"),
    /** {@code UpdateDeviceStatus}: remembers a device, or stops remembering it. */
    UPDATE_DEVICE_STATUS("UpdateDeviceStatus"),
    /** {@code ListDevices}: the user's devices. */
    LIST_DEVICES("ListDevices"),
    /** {@code GetDevice}: one of the user's devices. */
    GET_DEVICE("GetDevice"),
    /** {@code ForgetDevice}: forgets a device. */
    FORGET_DEVICE("ForgetDevice"),
    /** {@code SignUp}: a user signs themselves up. */
    SIGN_UP("SignUp"),
    /** {@code ConfirmSignUp}: confirms a sign-up with the code sent. */
    CONFIRM_SIGN_UP("ConfirmSignUp"),
    /** {@code ResendConfirmationCode}: sends the sign-up code again. */
    RESEND_CONFIRMATION_CODE("ResendConfirmationCode"),
    /** {@code ForgotPassword}: sends a password reset code. */
    FORGOT_PASSWORD("ForgotPassword"),
    /** {@code ConfirmForgotPassword}: sets a new password with the reset code. */
    CONFIRM_FORGOT_PASSWORD("ConfirmForgotPassword"),
    /** {@code ChangePassword}: the signed-in user changes their password. */
    CHANGE_PASSWORD("ChangePassword"),
    /** {@code UpdateUserAttributes}: the signed-in user changes attributes. */
    UPDATE_USER_ATTRIBUTES("UpdateUserAttributes"),
    /** {@code GetUserAttributeVerificationCode}: sends a code to verify an attribute. */
    GET_USER_ATTRIBUTE_VERIFICATION_CODE("GetUserAttributeVerificationCode"),
    /** {@code VerifyUserAttribute}: verifies an attribute with the code sent. */
    VERIFY_USER_ATTRIBUTE("VerifyUserAttribute"),
    /** {@code DeleteUserAttributes}: the signed-in user deletes attributes. */
    DELETE_USER_ATTRIBUTES("DeleteUserAttributes"),
    /** {@code DeleteUser}: the signed-in user deletes their account. */
    DELETE_USER("DeleteUser");

    private final String wireName;

    Action(String wireName) {
        this.wireName = wireName;
    }

    /** {@return the name in {@code X-Amz-Target: AWSCognitoIdentityProviderService.<name>}} */
    public String wireName() {
        return wireName;
    }

    /**
     * {@return the action called {@code wireName} on the wire, if LocalCognito answers it}
     *
     * @param wireName the name in {@code X-Amz-Target}, e.g. {@code InitiateAuth}
     */
    public static Optional<Action> ofWireName(String wireName) {
        for (Action action : values()) {
            if (action.wireName.equals(wireName)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
