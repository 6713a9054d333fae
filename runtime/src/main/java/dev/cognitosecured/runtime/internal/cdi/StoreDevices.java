package dev.cognitosecured.runtime.internal.cdi;

import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.internal.store.DefaultSessionStore;
import dev.cognitosecured.runtime.spi.DeviceCredentials;
import dev.cognitosecured.runtime.spi.DeviceStore;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The pool's default {@link DeviceStore}: the devices kept by the session store of the calling context
 * ({@link DefaultSessionStore#devices()}), found at each call, so a sign-in flow restored before its store (a
 * container may read the two beans of a session in any order) still reaches the store it lives with.
 */
final class StoreDevices implements DeviceStore {

    private final Supplier<SessionStore> store;

    StoreDevices(Supplier<SessionStore> store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The devices {@code store} keeps, if it is the library's own store; else none are kept. */
    static DeviceStore of(SessionStore store) {
        return store instanceof DefaultSessionStore kept ? kept.devices() : NONE;
    }

    @Override
    public Optional<DeviceCredentials> find(String username) {
        return of(store.get()).find(username);
    }

    @Override
    public void save(String username, DeviceCredentials device) {
        of(store.get()).save(username, device);
    }

    @Override
    public void forget(String username) {
        of(store.get()).forget(username);
    }

    @Override
    public String toString() {
        return "StoreDevices";
    }

    /** For a store that is not the library's: no device is kept (each sign-in is from a new device). */
    private static final DeviceStore NONE = new DeviceStore() {
        @Override
        public Optional<DeviceCredentials> find(String username) {
            return Optional.empty();
        }

        @Override
        public void save(String username, DeviceCredentials device) {
        }

        @Override
        public void forget(String username) {
        }
    };
}
