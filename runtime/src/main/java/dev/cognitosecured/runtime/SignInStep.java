package dev.cognitosecured.runtime;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where a sign-in stands: a challenge the user must answer, or {@link Done}. The kinds are named
 * like Amplify's {@code nextStep.signInStep} values. A step carries what the user must be shown,
 * never a session or a secret (but for the TOTP set-up key, which the user must see to enrol).
 */
public sealed interface SignInStep {

    /** {@return the kind of step} */
    Kind kind();

    /** {@return whether the sign-in is complete} */
    default boolean isDone() {
        return kind() == Kind.DONE;
    }

    /** The kinds of step. */
    enum Kind {
        /** {@link NewPasswordRequired}: the user signed in with a temporary password. */
        CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED,
        /** {@link SmsCode}: a code was sent by SMS. */
        CONFIRM_SIGN_IN_WITH_SMS_CODE,
        /** {@link EmailCode}: a code was sent by e-mail. */
        CONFIRM_SIGN_IN_WITH_EMAIL_CODE,
        /** {@link TotpCode}: the authenticator app's current code is asked for. */
        CONFIRM_SIGN_IN_WITH_TOTP_CODE,
        /** {@link MfaSelection}: the user chooses an MFA type. */
        CONTINUE_SIGN_IN_WITH_MFA_SELECTION,
        /** {@link TotpSetup}: the user enrols an authenticator app. */
        CONTINUE_SIGN_IN_WITH_TOTP_SETUP,
        /** {@link CustomChallenge}: the pool's Lambda triggers ask a question of their own. */
        CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE,
        /** {@link FirstFactorSelection}: the user chooses how to sign in (choice-based sign-in). */
        CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION,
        /** {@link WebAuthnCredential}: the browser's passkey assertion is asked for. */
        CONFIRM_SIGN_IN_WITH_WEB_AUTHN,
        /** {@link Done}: signed in. */
        DONE
    }

    /**
     * A new password is required (the user signed in with a temporary one). Answer with
     * {@link SignIn#confirmNewPassword}, giving the attributes in {@code requiredAttributes} (named as
     * the user pool names them, e.g. {@code name}), or with {@link SignIn#confirm} if none is required.
     *
     * @param requiredAttributes the attributes the new password must come with; may be empty
     */
    record NewPasswordRequired(List<String> requiredAttributes) implements SignInStep {
        /**
         * The step, with an unmodifiable copy of the attributes.
         *
         * @param requiredAttributes the attributes the new password must come with; may be empty
         */
        public NewPasswordRequired {
            requiredAttributes = List.copyOf(requiredAttributes);
        }

        @Override
        public Kind kind() {
            return Kind.CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED;
        }
    }

    /**
     * A code was sent by SMS to {@code destination}; answer with it.
     *
     * @param destination where the code went, masked, e.g. {@code +*******1234}
     */
    record SmsCode(String destination) implements SignInStep {
        @Override
        public Kind kind() {
            return Kind.CONFIRM_SIGN_IN_WITH_SMS_CODE;
        }
    }

    /**
     * A code was sent by e-mail to {@code destination}; answer with it.
     *
     * @param destination where the code went, masked, e.g. {@code a***@e***.com}
     */
    record EmailCode(String destination) implements SignInStep {
        @Override
        public Kind kind() {
            return Kind.CONFIRM_SIGN_IN_WITH_EMAIL_CODE;
        }
    }

    /** Answer with the current code of the user's authenticator app. */
    record TotpCode() implements SignInStep {
        @Override
        public Kind kind() {
            return Kind.CONFIRM_SIGN_IN_WITH_TOTP_CODE;
        }
    }

    /**
     * The user must choose an MFA type; answer with one of {@code allowed}.
     *
     * @param allowed the types to choose from, e.g. {@code SMS_MFA}, {@code SOFTWARE_TOKEN_MFA}
     */
    record MfaSelection(Set<String> allowed) implements SignInStep {
        /**
         * The step, with an unmodifiable copy of the types.
         *
         * @param allowed the MFA types the user may choose, e.g. {@code SMS_MFA}, {@code SOFTWARE_TOKEN_MFA}
         */
        public MfaSelection {
            allowed = Set.copyOf(allowed);
        }

        @Override
        public Kind kind() {
            return Kind.CONTINUE_SIGN_IN_WITH_MFA_SELECTION;
        }
    }

    /**
     * The user must enrol an authenticator app with {@code sharedSecret} (or by scanning
     * {@code setupUri}, an {@code otpauth://totp/...} URI, e.g. as a QR code), then answer with its
     * first code. The secret is meant for the user's eyes only: {@link #toString()} hides it.
     *
     * @param sharedSecret the key to type into the app
     * @param setupUri the same key as an {@code otpauth://totp/...} URI, with the pool as issuer
     */
    record TotpSetup(String sharedSecret, String setupUri) implements SignInStep {
        @Override
        public Kind kind() {
            return Kind.CONTINUE_SIGN_IN_WITH_TOTP_SETUP;
        }

        @Override
        public String toString() {
            return "TotpSetup[sharedSecret=***]";
        }
    }

    /**
     * A custom challenge from the pool's Lambda triggers; answer as they expect.
     *
     * @param parameters the challenge's public parameters
     */
    record CustomChallenge(Map<String, String> parameters) implements SignInStep {
        /**
         * The step, with an unmodifiable copy of the parameters.
         *
         * @param parameters the challenge's public parameters, as the pool's triggers set them
         */
        public CustomChallenge {
            parameters = Map.copyOf(parameters);
        }

        @Override
        public Kind kind() {
            return Kind.CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE;
        }
    }

    /**
     * Choice-based sign-in: the user chooses how to sign in, one of {@code available}. Answer with
     * {@link SignIn#confirm} and the factor's name ({@code EMAIL_OTP}, {@code SMS_OTP}, {@code WEB_AUTHN}), or
     * with {@link SignIn#confirmPassword} for {@link FirstFactor#PASSWORD} or {@link FirstFactor#PASSWORD_SRP}.
     *
     * @param available the first factors Cognito offers this user; show these, and only these, as choices
     */
    record FirstFactorSelection(Set<FirstFactor> available) implements SignInStep {
        /**
         * The step, with an unmodifiable copy of the factors.
         *
         * @param available the first factors Cognito offers this user
         */
        public FirstFactorSelection {
            available = Set.copyOf(available);
        }

        @Override
        public Kind kind() {
            return Kind.CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION;
        }
    }

    /**
     * Sign in with a passkey: hand {@code requestOptions} (WebAuthn's {@code PublicKeyCredentialRequestOptionsJSON},
     * as Cognito's {@code CREDENTIAL_REQUEST_OPTIONS}) to the browser, e.g.
     * {@code navigator.credentials.get({publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options)})},
     * and answer with {@link SignIn#confirm} and the credential it returns as JSON ({@code credential.toJSON()}).
     * The library cannot run an authenticator itself.
     *
     * @param requestOptions WebAuthn's {@code PublicKeyCredentialRequestOptionsJSON}, to hand to the browser as is
     */
    record WebAuthnCredential(String requestOptions) implements SignInStep {
        /**
         * The step, with the options Cognito sent.
         *
         * @param requestOptions WebAuthn's {@code PublicKeyCredentialRequestOptionsJSON}; never {@code null}
         */
        public WebAuthnCredential {
            Objects.requireNonNull(requestOptions, "requestOptions");
        }

        @Override
        public Kind kind() {
            return Kind.CONFIRM_SIGN_IN_WITH_WEB_AUTHN;
        }
    }

    /** Signed in. */
    record Done() implements SignInStep {
        @Override
        public Kind kind() {
            return Kind.DONE;
        }
    }
}
