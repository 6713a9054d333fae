package dev.cognitosecured.testing.cognito;

/**
 * A user pool's device tracking ({@code DeviceConfiguration}), as {@link PoolSettings#withDeviceTracking} turns it
 * on: every sign-in without a {@code DEVICE_KEY} returns {@code NewDeviceMetadata}; {@code ConfirmDevice} registers
 * the device with its SRP verifier; a sign-in with the key of a confirmed device proves it ({@code DEVICE_SRP_AUTH},
 * {@code DEVICE_PASSWORD_VERIFIER}); tokens issued to a device are refreshed only with its key.
 *
 * @param challengeRequiredOnNewDevice Cognito's {@code ChallengeRequiredOnNewDevice}: a remembered device signs in
 *     with device authentication instead of the second factor
 * @param deviceOnlyRememberedOnUserPrompt Cognito's {@code DeviceOnlyRememberedOnUserPrompt}: {@code ConfirmDevice}
 *     answers {@code UserConfirmationNecessary} and the device is remembered only by {@code UpdateDeviceStatus};
 *     when false, a confirmed device is remembered at once
 */
public record DeviceTracking(boolean challengeRequiredOnNewDevice, boolean deviceOnlyRememberedOnUserPrompt) {

    /** {@return Cognito's "Always remember", with remembered devices standing in for the second factor} */
    public static DeviceTracking alwaysRemember() {
        return new DeviceTracking(true, false);
    }

    /** {@return Cognito's "User opt-in", with remembered devices standing in for the second factor} */
    public static DeviceTracking userOptIn() {
        return new DeviceTracking(true, true);
    }
}
