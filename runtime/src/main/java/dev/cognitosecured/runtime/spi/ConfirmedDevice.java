package dev.cognitosecured.runtime.spi;

import java.util.Objects;

/**
 * A device confirmed at Cognito ({@code ConfirmDevice}).
 *
 * @param credentials what proves the device from now on (the password is a secret)
 * @param userConfirmationNecessary Cognito's {@code UserConfirmationNecessary}: the pool remembers devices only when
 *     the user asks ({@code DeviceOnlyRememberedOnUserPrompt}), so the device is not remembered until
 *     {@link dev.cognitosecured.runtime.Devices#rememberThisDevice()}
 */
public record ConfirmedDevice(DeviceCredentials credentials, boolean userConfirmationNecessary) {
    /**
     * Checks that the credentials are given.
     *
     * @param credentials what proves the device from now on (the password is a secret)
     * @param userConfirmationNecessary Cognito's {@code UserConfirmationNecessary}: the pool remembers devices only
     *     when the user asks ({@code DeviceOnlyRememberedOnUserPrompt}), so the device is not remembered until
     *     {@link dev.cognitosecured.runtime.Devices#rememberThisDevice()}
     * @throws NullPointerException if {@code credentials} is {@code null}
     */
    public ConfirmedDevice {
        Objects.requireNonNull(credentials, "credentials");
    }
}
