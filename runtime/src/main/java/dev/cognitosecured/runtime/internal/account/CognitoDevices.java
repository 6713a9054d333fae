package dev.cognitosecured.runtime.internal.account;

import dev.cognitosecured.runtime.Device;
import dev.cognitosecured.runtime.Devices;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.spi.DeviceStore;
import dev.cognitosecured.runtime.spi.Tokens;
import java.io.Serial;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceRememberedStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListDevicesResponse;

/**
 * The signed-in user's {@link Devices}, over {@link SignedInCalls}: {@code UpdateDeviceStatus}, {@code ForgetDevice}
 * and {@code ListDevices} by access token; this session's device is the one its tokens name
 * ({@link Tokens#deviceKey()}). When its scope is passivated it is written as the proxy {@code passivated} makes.
 */
public final class CognitoDevices extends AccountBean implements Devices {

    @Serial
    private static final long serialVersionUID = 1L;

    /** At most this many pages of {@code ListDevices} (60 devices each), so a listing always ends. */
    static final int MAX_PAGES = 20;

    private final transient SignedInCalls calls;
    private final transient DeviceStore kept;

    /** @param kept where the sign-in keeps the device credentials of the pool's users */
    public CognitoDevices(SignedInCalls calls, DeviceStore kept, Supplier<Object> passivated) {
        super("Devices", Objects.requireNonNull(calls, "calls").cognito(), passivated);
        this.calls = calls;
        this.kept = Objects.requireNonNull(kept, "kept");
    }

    @Override
    public Optional<String> thisDevice() {
        return tokens().deviceKey();
    }

    @Override
    public boolean isThisDeviceRemembered() {
        Optional<String> deviceKey = thisDevice();
        if (deviceKey.isEmpty()) {
            return false;
        }
        DeviceType device = calls.call("GetDevice", NO_CODE, token -> client().getDevice(request -> request
                .accessToken(token).deviceKey(deviceKey.get()))).device();
        return device != null && deviceOf(device).remembered();
    }

    @Override
    public void rememberThisDevice() {
        setStatus(DeviceRememberedStatusType.REMEMBERED);
    }

    @Override
    public void doNotRememberThisDevice() {
        setStatus(DeviceRememberedStatusType.NOT_REMEMBERED);
    }

    @Override
    public void forget(String deviceKey) {
        Objects.requireNonNull(deviceKey, "deviceKey");
        Tokens tokens = tokens();
        calls.call("ForgetDevice", NO_CODE,
                token -> client().forgetDevice(request -> request.accessToken(token).deviceKey(deviceKey)));
        if (tokens.deviceKey().filter(deviceKey::equals).isPresent()) {
            kept.find(tokens.username()).filter(device -> device.deviceKey().equals(deviceKey))
                    .ifPresent(device -> kept.forget(tokens.username()));
        }
    }

    @Override
    public List<Device> list() {
        List<Device> devices = new ArrayList<>();
        String next = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String token = next;
            ListDevicesResponse listed = calls.call("ListDevices", NO_CODE,
                    access -> client().listDevices(request -> request.accessToken(access).limit(60)
                            .paginationToken(token)));
            listed.devices().forEach(device -> devices.add(deviceOf(device)));
            next = listed.paginationToken();
            if (next == null || next.isEmpty()) {
                return List.copyOf(devices);
            }
        }
        throw new TransportException("Cognito's ListDevices had more than " + MAX_PAGES + " pages; the listing was"
                + " stopped there. Forget devices the user no longer uses.", null);
    }

    private void setStatus(DeviceRememberedStatusType status) {
        String deviceKey = thisDevice().orElseThrow(() -> new IllegalStateException("This session of pool '"
                + cognito().pool() + "' signed in from no device: the user pool does not track devices"
                + " (its DeviceConfiguration), or the session started before it did."));
        calls.call("UpdateDeviceStatus", NO_CODE, token -> client().updateDeviceStatus(request -> request
                .accessToken(token).deviceKey(deviceKey).deviceRememberedStatus(status)));
    }

    private Tokens tokens() {
        return calls.store().tokens(Duration.ZERO, cognito().timeout());
    }

    private static Device deviceOf(DeviceType device) {
        Optional<String> name = attribute(device, "device_name");
        boolean remembered = attribute(device, "dev:device_remembered_status").filter("remembered"::equals).isPresent();
        Instant created = Optional.ofNullable(device.deviceCreateDate()).orElse(Instant.EPOCH);
        Instant used = Optional.ofNullable(device.deviceLastAuthenticatedDate()).orElse(created);
        return new Device(device.deviceKey(), name, remembered, created, used);
    }

    private static Optional<String> attribute(DeviceType device, String name) {
        return device.deviceAttributes().stream().filter(attribute -> name.equals(attribute.name()))
                .map(AttributeType::value).filter(value -> value != null && !value.isEmpty()).findFirst();
    }
}
