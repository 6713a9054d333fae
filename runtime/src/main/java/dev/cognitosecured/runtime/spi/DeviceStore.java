package dev.cognitosecured.runtime.spi;

import java.util.Optional;

/**
 * Where a pool keeps the credentials of the device the user signs in from, once Cognito's device tracking issued
 * them and the library confirmed the device ({@code ConfirmDevice}): the next {@link
 * dev.cognitosecured.runtime.SignIn#start} for that user name sends the device key, and proves the device
 * ({@code DEVICE_SRP_AUTH}) when Cognito asks, which skips the second factor on a remembered device.
 *
 * <p>The default keeps them with the pool's session store, in the same scope (the application, or the HTTP
 * session), and in its passivated form, encoded by the pool's {@link SessionCodec} like the tokens. An application
 * that wants devices to outlive the HTTP session (a "remember this browser" cookie, a database) declares a bean of
 * this type, qualified {@code @AuthFlow("pool")} or unqualified; it must keep {@link DeviceCredentials#password()}
 * as well protected as the user's tokens. Calls come from the thread of the sign-in; an implementation must be
 * thread-safe and must return at once (no remote call without its own short bound).
 *
 * <p>Users are named as they were given to {@code SignIn.start} (an alias such as an e-mail address stays an
 * alias).
 */
public interface DeviceStore {

    /**
     * Finds the device credentials kept for {@code username}, called at each sign-in of that user.
     *
     * @param username the user name as given to {@code SignIn.start}
     * @return the credentials kept, or empty if none (the sign-in then goes as from a new device)
     */
    Optional<DeviceCredentials> find(String username);

    /**
     * Keeps {@code device} for {@code username}, replacing what was kept; called once the device is confirmed.
     *
     * @param username the user name as given to {@code SignIn.start}
     * @param device the credentials that prove the device from now on
     */
    void save(String username, DeviceCredentials device);

    /**
     * Forgets the device kept for {@code username}, if any: called when Cognito no longer knows it (forgotten,
     * or refused at sign-in), so that the next sign-in is from a new device.
     *
     * @param username the user name as given to {@code SignIn.start}
     */
    void forget(String username);
}
