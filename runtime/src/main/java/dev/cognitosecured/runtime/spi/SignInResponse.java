package dev.cognitosecured.runtime.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * What Cognito answered a step of a sign-in with: the tokens, or the next challenge.
 */
public sealed interface SignInResponse {

    /**
     * The user is signed in. With Cognito's device tracking, a sign-in from a device Cognito does not know yet
     * comes with {@code newDevice} ({@code NewDeviceMetadata}), which the sign-in flow confirms.
     *
     * @param tokens the tokens Cognito issued
     * @param newDevice the device Cognito issued for this sign-in, if it issued one
     */
    record Authenticated(Tokens tokens, Optional<NewDevice> newDevice) implements SignInResponse {
        /**
         * The user is signed in with {@code tokens}.
         *
         * @param tokens the tokens Cognito issued
         * @param newDevice the device Cognito issued for this sign-in, if it issued one
         */
        public Authenticated {
            Objects.requireNonNull(tokens, "tokens");
            Objects.requireNonNull(newDevice, "newDevice");
        }

        /**
         * Signed in, with no new device.
         *
         * @param tokens the tokens Cognito issued
         */
        public Authenticated(Tokens tokens) {
            this(tokens, Optional.empty());
        }
    }

    /**
     * A device Cognito issued for this sign-in ({@code NewDeviceMetadata}): not a secret.
     *
     * @param deviceKey its {@code DeviceKey}
     * @param groupKey its {@code DeviceGroupKey}
     */
    record NewDevice(String deviceKey, String groupKey) {
        /**
         * Checks that both keys are given.
         *
         * @param deviceKey its {@code DeviceKey}
         * @param groupKey its {@code DeviceGroupKey}
         * @throws NullPointerException if one is {@code null}
         */
        public NewDevice {
            Objects.requireNonNull(deviceKey, "deviceKey");
            Objects.requireNonNull(groupKey, "groupKey");
        }
    }

    /**
     * The user must answer {@code challenge} first.
     *
     * @param challenge the challenge Cognito sent, with its session
     */
    record Challenged(Challenge challenge) implements SignInResponse {
        /**
         * The user must answer {@code challenge}.
         *
         * @param challenge the challenge Cognito sent, with its session
         */
        public Challenged {
            Objects.requireNonNull(challenge, "challenge");
        }
    }
}
