package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.testing.cognito.CustomAuthTriggers;
import dev.cognitosecured.testing.cognito.MfaFactor;
import java.util.List;
import java.util.Optional;

/** What a challenge session waits for, with what LocalCognito needs to check the answer. */
sealed interface Challenge {

    /** The {@code ChallengeName} the answer must carry. */
    String name();

    /** A new password (and missing required attributes) for a user with a temporary password. */
    record NewPassword() implements Challenge {
        @Override
        public String name() {
            return "NEW_PASSWORD_REQUIRED";
        }
    }

    /** The code sent by SMS ({@code SMS_MFA}) or e-mail ({@code EMAIL_OTP}). */
    record DeliveredCodeCheck(MfaFactor factor, String code) implements Challenge {
        @Override
        public String name() {
            return factor.name();
        }

        @Override
        public String toString() {
            return "DeliveredCodeCheck[" + factor + ", code=***]";
        }
    }

    /** A code from the user's authenticator app. */
    record SoftwareToken() implements Challenge {
        @Override
        public String name() {
            return "SOFTWARE_TOKEN_MFA";
        }
    }

    /** A choice among the user's second factors. */
    record SelectMfa(List<MfaFactor> choices) implements Challenge {
        @Override
        public String name() {
            return "SELECT_MFA_TYPE";
        }
    }

    /**
     * Setting up an authenticator app: {@code AssociateSoftwareToken} then {@code VerifySoftwareToken} with the
     * session, then the answer.
     */
    record MfaSetup(Stage stage, Optional<String> secret) implements Challenge {

        /** How far the set-up went. */
        enum Stage {
            /** {@code AssociateSoftwareToken} comes next. */
            TO_ASSOCIATE,
            /** {@code VerifySoftwareToken} comes next, for {@link #secret()}. */
            TO_VERIFY,
            /** The app is verified; {@code RespondToAuthChallenge MFA_SETUP} completes the sign-in. */
            VERIFIED
        }

        @Override
        public String name() {
            return "MFA_SETUP";
        }

        @Override
        public String toString() {
            return "MfaSetup[" + stage + ", secret=" + (secret.isPresent() ? "***" : "none") + "]";
        }
    }

    /**
     * The client's SRP proof. In a {@code CUSTOM_AUTH} sign-in started with {@code CHALLENGE_NAME} {@code SRP_A},
     * the pool's custom challenges follow a right proof ({@code thenCustomAuth}), as the define auth challenge
     * trigger asks after {@code PASSWORD_VERIFIER}.
     */
    record PasswordVerifier(SrpAuthentication.ProofCheck check, String secretBlock, boolean thenCustomAuth)
            implements Challenge {
        @Override
        public String name() {
            return "PASSWORD_VERIFIER";
        }

        @Override
        public String toString() {
            return "PasswordVerifier[secretBlock=***, thenCustomAuth=" + thenCustomAuth + "]";
        }
    }

    /** The device {@code deviceKey} must start proving itself: {@code DEVICE_SRP_AUTH} with {@code SRP_A}. */
    record DeviceSrp(String deviceKey) implements Challenge {
        @Override
        public String name() {
            return "DEVICE_SRP_AUTH";
        }
    }

    /** The device's SRP proof, {@code DEVICE_PASSWORD_VERIFIER}, checked against its verifier. */
    record DevicePasswordVerifier(SrpAuthentication.ProofCheck check, String deviceKey) implements Challenge {
        @Override
        public String name() {
            return "DEVICE_PASSWORD_VERIFIER";
        }

        @Override
        public String toString() {
            return "DevicePasswordVerifier[deviceKey=" + deviceKey + "]";
        }
    }

    /** A challenge made by the pool's {@link CustomAuthTriggers}, after {@code answers} earlier rounds. */
    record Custom(CustomAuthTriggers.CustomChallenge challenge, List<Boolean> answers) implements Challenge {
        @Override
        public String name() {
            return "CUSTOM_CHALLENGE";
        }
    }

    /** The choice of a first factor ({@code SELECT_CHALLENGE}) among {@code available}. */
    record SelectFirstFactor(List<String> available) implements Challenge {
        @Override
        public String name() {
            return "SELECT_CHALLENGE";
        }
    }

    /** A code sent as the first factor of {@code USER_AUTH}: {@code EMAIL_OTP} or {@code SMS_OTP}. */
    record FirstFactorCode(String name, MfaFactor factor, String code) implements Challenge {
        @Override
        public String toString() {
            return "FirstFactorCode[" + name + ", code=***]";
        }
    }

    /** A passkey's assertion of {@code challenge} ({@code WEB_AUTHN}). */
    record WebAuthn(byte[] challenge) implements Challenge {
        @Override
        public String name() {
            return "WEB_AUTHN";
        }

        @Override
        public String toString() {
            return "WebAuthn[challenge=***]";
        }
    }

    /** A sign-up just confirmed: {@code InitiateAuth USER_AUTH} with this session signs the user in. */
    record SignUpConfirmed() implements Challenge {
        @Override
        public String name() {
            return "USER_AUTH";
        }
    }
}
