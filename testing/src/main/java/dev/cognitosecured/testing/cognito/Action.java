package dev.cognitosecured.testing.cognito;

import java.util.Optional;

/**
 * The Cognito Identity Provider actions LocalCognito answers, for {@link LocalCognito#requestCount(Action)}
 * and {@link LocalCognito#injectFault(Action, Fault)}. Any other action is answered with HTTP 400 {@code
 * UnknownOperationException}.
 */
public enum Action {
    INITIATE_AUTH("InitiateAuth"),
    RESPOND_TO_AUTH_CHALLENGE("RespondToAuthChallenge"),
    GET_TOKENS_FROM_REFRESH_TOKEN("GetTokensFromRefreshToken"),
    REVOKE_TOKEN("RevokeToken"),
    GLOBAL_SIGN_OUT("GlobalSignOut"),
    ASSOCIATE_SOFTWARE_TOKEN("AssociateSoftwareToken"),
    VERIFY_SOFTWARE_TOKEN("VerifySoftwareToken"),
    SET_USER_MFA_PREFERENCE("SetUserMFAPreference"),
    GET_USER("GetUser"),
    START_WEB_AUTHN_REGISTRATION("StartWebAuthnRegistration"),
    COMPLETE_WEB_AUTHN_REGISTRATION("CompleteWebAuthnRegistration"),
    LIST_WEB_AUTHN_CREDENTIALS("ListWebAuthnCredentials"),
    DELETE_WEB_AUTHN_CREDENTIAL("DeleteWebAuthnCredential"),
    CONFIRM_DEVICE("ConfirmDevice"),
    UPDATE_DEVICE_STATUS("UpdateDeviceStatus"),
    LIST_DEVICES("ListDevices"),
    GET_DEVICE("GetDevice"),
    FORGET_DEVICE("ForgetDevice"),
    SIGN_UP("SignUp"),
    CONFIRM_SIGN_UP("ConfirmSignUp"),
    RESEND_CONFIRMATION_CODE("ResendConfirmationCode"),
    FORGOT_PASSWORD("ForgotPassword"),
    CONFIRM_FORGOT_PASSWORD("ConfirmForgotPassword"),
    CHANGE_PASSWORD("ChangePassword"),
    UPDATE_USER_ATTRIBUTES("UpdateUserAttributes"),
    GET_USER_ATTRIBUTE_VERIFICATION_CODE("GetUserAttributeVerificationCode"),
    VERIFY_USER_ATTRIBUTE("VerifyUserAttribute"),
    DELETE_USER_ATTRIBUTES("DeleteUserAttributes"),
    DELETE_USER("DeleteUser");

    private final String wireName;

    Action(String wireName) {
        this.wireName = wireName;
    }

    /** {@return the name in {@code X-Amz-Target: AWSCognitoIdentityProviderService.<name>}} */
    public String wireName() {
        return wireName;
    }

    /** {@return the action called {@code wireName} on the wire, if LocalCognito answers it} */
    public static Optional<Action> ofWireName(String wireName) {
        for (Action action : values()) {
            if (action.wireName.equals(wireName)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
