package dev.cognitosecured.runtime.internal.store;

import dev.cognitosecured.runtime.spi.DeviceCredentials;
import dev.cognitosecured.runtime.spi.DeviceStore;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link DeviceStore}: the device credentials kept by a {@link DefaultSessionStore}, in its scope, and
 * written with its serialized form ({@link SessionForm}), so encoded by the pool's session codec like the tokens.
 * Thread-safe. {@link #toString()} counts the devices, nothing more.
 */
public final class KeptDevices implements DeviceStore {

    private final Map<String, DeviceCredentials> devices = new ConcurrentHashMap<>();

    @Override
    public Optional<DeviceCredentials> find(String username) {
        return Optional.ofNullable(devices.get(Objects.requireNonNull(username, "username")));
    }

    @Override
    public void save(String username, DeviceCredentials device) {
        devices.put(Objects.requireNonNull(username, "username"), Objects.requireNonNull(device, "device"));
    }

    @Override
    public void forget(String username) {
        devices.remove(Objects.requireNonNull(username, "username"));
    }

    /** What is kept now, by user name. */
    Map<String, DeviceCredentials> snapshot() {
        return Map.copyOf(devices);
    }

    /** Adds what a serialized form held. */
    void restore(Map<String, DeviceCredentials> kept) {
        devices.putAll(kept);
    }

    @Override
    public String toString() {
        return "KeptDevices[" + devices.size() + " devices]";
    }
}
