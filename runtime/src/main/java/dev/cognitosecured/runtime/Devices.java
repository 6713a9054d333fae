package dev.cognitosecured.runtime;

import java.util.List;
import java.util.Optional;

/**
 * The signed-in user's devices, with Cognito's device tracking: {@code @Inject @AuthFlow Devices devices}.
 *
 * <p>A sign-in from a device Cognito does not know gets a device key, which {@link SignIn} confirms at once
 * ({@code ConfirmDevice}, with a random device password whose SRP verifier Cognito keeps) and keeps in the pool's
 * {@link dev.cognitosecured.runtime.spi.DeviceStore}; the next sign-in of that user proves the device
 * ({@code DEVICE_SRP_AUTH}), and a remembered device skips the second factor. Where the pool remembers devices
 * only when the user says so, ask, then call {@link #rememberThisDevice()}:
 *
 * <pre>{@code
 * if (signIn.start(user, password).isDone() && !devices.isThisDeviceRemembered()
 *         && askUser("Remember this device?")) {
 *     devices.rememberThisDevice();
 * }
 * }</pre>
 *
 * <p>Every call is made with a fresh access token from the pool's {@link SessionStore} of the same scope, bounded
 * by {@code cognito.timeout}, and fails with {@link SignInRequiredException} if nobody is signed in.
 */
public interface Devices {

    /** {@return the key of the device this session signed in from; empty if the pool does not track devices} */
    Optional<String> thisDevice();

    /**
     * Whether Cognito remembers this session's device ({@code GetDevice}): after a sign-in on a pool that
     * remembers devices only when the user says so, {@code false} is the cue to ask. {@code false} if the session
     * has no device.
     *
     * @return {@code true} if a sign-in from this device may skip the second factor
     */
    boolean isThisDeviceRemembered();

    /**
     * Remembers this session's device ({@code UpdateDeviceStatus remembered}).
     *
     * @throws IllegalStateException if the session has no device (the pool does not track devices)
     */
    void rememberThisDevice();

    /**
     * Stops remembering this session's device ({@code UpdateDeviceStatus not_remembered}): it stays known, and
     * the next sign-in asks for the second factor again.
     *
     * @throws IllegalStateException if the session has no device
     */
    void doNotRememberThisDevice();

    /**
     * Forgets the device {@code deviceKey} at Cognito ({@code ForgetDevice}); if it is this session's device its
     * credentials are forgotten here too, and the next sign-in is from a new device. The session goes on.
     *
     * @param deviceKey the key of the device to forget, from {@link #list()} or {@link #thisDevice()}
     */
    void forget(String deviceKey);

    /**
     * Lists the user's devices that Cognito tracks ({@code ListDevices}, every page read).
     *
     * @return every device Cognito tracks for the user, remembered or not
     */
    List<Device> list();
}
