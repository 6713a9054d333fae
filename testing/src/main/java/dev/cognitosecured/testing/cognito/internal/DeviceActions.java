package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.testing.cognito.DeviceTracking;
import dev.cognitosecured.testing.cognito.srp.SrpVerifier;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;

/**
 * The device actions of a signed-in user, by access token: {@code ConfirmDevice} (the device's SRP verifier),
 * {@code UpdateDeviceStatus}, {@code ListDevices} (confirmed devices, all in one page), {@code GetDevice} and
 * {@code ForgetDevice}. A device key that names no device of the token's user is {@code ResourceNotFoundException}
 * "Device does not exist.".
 */
final class DeviceActions {

    static final String NO_DEVICE = "Device does not exist.";

    private final TokenService tokens;
    private final InstantSource clock;

    DeviceActions(TokenService tokens, InstantSource clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** {@code ConfirmDevice}: the device's verifier; remembered at once unless the pool asks the user first. */
    JsonObject confirm(Request request) {
        IssuedAccessToken token = tokens.usableAccessToken(request.required("AccessToken"));
        DeviceTracking tracking = token.family().client.pool.settings.deviceTracking().orElseThrow(() ->
                CognitoException.invalidParameter("Device tracking is not enabled for this user pool."));
        DeviceState device = device(token.family().user, request.required("DeviceKey"));
        Request config = request.object("DeviceSecretVerifierConfig").orElseThrow(() ->
                CognitoException.invalidParameter("Missing required parameter DeviceSecretVerifierConfig"));
        SrpVerifier verifier;
        try {
            verifier = SrpVerifier.of(device.groupKey, device.key, base64(config.required("Salt")),
                    base64(config.required("PasswordVerifier")));
        } catch (IllegalArgumentException e) {
            throw CognitoException.invalidParameter("Invalid DeviceSecretVerifierConfig: " + e.getMessage());
        }
        device.verifier = Optional.of(verifier);
        device.name = request.optional("DeviceName");
        device.remembered = !tracking.deviceOnlyRememberedOnUserPrompt();
        device.lastModifiedAt = clock.instant();
        return Json.createObjectBuilder()
                .add("UserConfirmationNecessary", tracking.deviceOnlyRememberedOnUserPrompt())
                .build();
    }

    /** {@code UpdateDeviceStatus}: {@code remembered} or {@code not_remembered}. */
    JsonObject updateStatus(Request request) {
        UserState user = tokens.usableAccessToken(request.required("AccessToken")).family().user;
        DeviceState device = confirmed(user, request.required("DeviceKey"));
        String status = request.optional("DeviceRememberedStatus").orElse("");
        device.remembered = switch (status) {
            case "remembered" -> true;
            case "not_remembered" -> false;
            default -> throw CognitoException.invalidParameter("1 validation error detected: Value '" + status
                    + "' at 'deviceRememberedStatus' failed to satisfy constraint: Member must satisfy enum value set:"
                    + " [remembered, not_remembered]");
        };
        device.lastModifiedAt = clock.instant();
        return Json.createObjectBuilder().build();
    }

    /** {@code ListDevices}: the user's confirmed devices, oldest first, in one page. */
    JsonObject list(Request request) {
        UserState user = tokens.usableAccessToken(request.required("AccessToken")).family().user;
        JsonArrayBuilder devices = Json.createArrayBuilder();
        user.devices.values().stream().filter(DeviceState::isConfirmed).forEach(device -> devices.add(json(device)));
        return Json.createObjectBuilder().add("Devices", devices).build();
    }

    /** {@code GetDevice}: one confirmed device of the user. */
    JsonObject get(Request request) {
        UserState user = tokens.usableAccessToken(request.required("AccessToken")).family().user;
        return Json.createObjectBuilder().add("Device", json(confirmed(user, request.required("DeviceKey")))).build();
    }

    /** {@code ForgetDevice}: the device is gone; a sign-in naming it is refused. */
    JsonObject forget(Request request) {
        UserState user = tokens.usableAccessToken(request.required("AccessToken")).family().user;
        DeviceState device = device(user, request.required("DeviceKey"));
        user.devices.remove(device.key);
        return Json.createObjectBuilder().build();
    }

    private static DeviceState device(UserState user, String key) {
        DeviceState device = user.devices.get(key);
        if (device == null) {
            throw CognitoException.resourceNotFound(NO_DEVICE);
        }
        return device;
    }

    private static DeviceState confirmed(UserState user, String key) {
        DeviceState device = device(user, key);
        if (!device.isConfirmed()) {
            throw CognitoException.resourceNotFound(NO_DEVICE);
        }
        return device;
    }

    private static JsonObject json(DeviceState device) {
        JsonArrayBuilder attributes = Json.createArrayBuilder()
                .add(attribute("device_status", "valid"))
                .add(attribute("dev:device_remembered_status", device.remembered ? "remembered" : "not_remembered"));
        device.name.ifPresent(name -> attributes.add(attribute("device_name", name)));
        return Json.createObjectBuilder()
                .add("DeviceKey", device.key)
                .add("DeviceAttributes", attributes)
                .add("DeviceCreateDate", epochSeconds(device.createdAt))
                .add("DeviceLastModifiedDate", epochSeconds(device.lastModifiedAt))
                .add("DeviceLastAuthenticatedDate", epochSeconds(device.lastAuthenticatedAt))
                .build();
    }

    private static JsonObjectBuilder attribute(String name, String value) {
        return Json.createObjectBuilder().add("Name", name).add("Value", value);
    }

    private static double epochSeconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64");
        }
    }
}
