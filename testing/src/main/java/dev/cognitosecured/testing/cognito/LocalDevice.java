package dev.cognitosecured.testing.cognito;

import java.util.Optional;

/**
 * A device LocalCognito issued to a user of a pool with {@link DeviceTracking}, as a test may inspect it with
 * {@link LocalCognito#devices(LocalUser)}.
 *
 * @param key the device key ({@code NewDeviceMetadata.DeviceKey})
 * @param name the {@code DeviceName} given with {@code ConfirmDevice}, if any
 * @param confirmed whether {@code ConfirmDevice} sent its verifier
 * @param remembered whether it is remembered ({@code ConfirmDevice} or {@code UpdateDeviceStatus})
 */
public record LocalDevice(String key, Optional<String> name, boolean confirmed, boolean remembered) {}
