package dev.cognitosecured.runtime.spi;

import java.util.Objects;

/**
 * What proves a remembered device to Cognito ({@code DEVICE_SRP_AUTH}): the device key and device group key Cognito
 * issued ({@code NewDeviceMetadata}), and the random device password whose SRP verifier the library sent with
 * {@code ConfirmDevice}. The password is a secret, as a user's password is: {@link #toString()} never shows it, and
 * a {@link DeviceStore} must keep it as well protected as the user's tokens.
 */
public final class DeviceCredentials {

    private final String deviceKey;
    private final String groupKey;
    private final String password;

    private DeviceCredentials(String deviceKey, String groupKey, String password) {
        this.deviceKey = requireText(deviceKey, "deviceKey");
        this.groupKey = requireText(groupKey, "groupKey");
        this.password = requireText(password, "password");
    }

    /**
     * Credentials as the library made them, or as a {@link DeviceStore} read them back.
     *
     * @param deviceKey Cognito's {@code DeviceKey}
     * @param groupKey Cognito's {@code DeviceGroupKey}
     * @param password the device password (a secret)
     * @return the credentials
     * @throws IllegalArgumentException if one of them is empty
     */
    public static DeviceCredentials of(String deviceKey, String groupKey, String password) {
        return new DeviceCredentials(deviceKey, groupKey, password);
    }

    /** {@return Cognito's {@code DeviceKey}, e.g. {@code us-east-1_0a1b…}: not a secret, what a store may key on} */
    public String deviceKey() {
        return deviceKey;
    }

    /** {@return Cognito's {@code DeviceGroupKey}, which the device's SRP proof is computed with} */
    public String groupKey() {
        return groupKey;
    }

    /** {@return the device password: a secret, to keep as well protected as the user's tokens and never log} */
    public String password() {
        return password;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeviceCredentials that && deviceKey.equals(that.deviceKey)
                && groupKey.equals(that.groupKey) && password.equals(that.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceKey, groupKey);
    }

    /** Names the device key only. */
    @Override
    public String toString() {
        return "DeviceCredentials[deviceKey=" + deviceKey + ", password=***]";
    }

    private static String requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }
}
