package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.testing.cognito.MfaConfiguration;
import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.PoolSettings;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What comes after a step of a sign-in is passed: the next challenge (with a new session) or the tokens. The
 * order is Cognito's: the password, then a new password if it was temporary, then a second factor if the pool
 * asks for one (set up first if the user has none).
 */
final class SignInSteps {

    private final ChallengeSessions sessions;
    private final TokenService tokens;
    private final Codes codes;
    private final InstantSource clock;

    SignInSteps(ChallengeSessions sessions, TokenService tokens, Codes codes, InstantSource clock) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.codes = codes;
        this.clock = clock;
    }

    /** Starts a request of a sign-in on {@code device} (see {@link ChallengeSessions#beginRequest}). */
    void beginRequest(Optional<String> device) {
        sessions.beginRequest(device);
    }

    /**
     * The sign-in goes on on the device its {@code DEVICE_KEY} names, with device tracking: the sessions the request
     * opens belong to it, so that after the first factor the device proves itself ({@code DEVICE_SRP_AUTH}) and the
     * tokens name it. Any flow's {@code InitiateAuth} ({@code USER_SRP_AUTH}, {@code USER_PASSWORD_AUTH},
     * {@code USER_AUTH}), and the {@code USER_AUTH} first-factor answers that carry one.
     *
     * @throws CognitoException {@code ResourceNotFoundException} "Device does not exist." if the key names no device of
     *     the user (forgotten, or another user's)
     */
    void beginOnDevice(ClientState client, Optional<UserState> user, Map<String, String> parameters) {
        Optional<String> deviceKey = Optional.ofNullable(parameters.get("DEVICE_KEY")).filter(key -> !key.isEmpty());
        if (client.pool.settings.deviceTracking().isEmpty() || deviceKey.isEmpty()) {
            sessions.beginRequest(Optional.empty());
            return;
        }
        if (user.isPresent() && !user.get().devices.containsKey(deviceKey.get())) {
            throw CognitoException.resourceNotFound(DeviceActions.NO_DEVICE);
        }
        sessions.beginRequest(deviceKey);
    }

    /**
     * An answer of the sign-in that names its device ({@code DEVICE_KEY}, as Cognito documents for the
     * {@code USER_AUTH} challenges and {@code PASSWORD_VERIFIER}): with device tracking, the key must name a device of
     * the user, and the sign-in goes on on it; an answer without one goes on on the session's device.
     *
     * @throws CognitoException {@code ResourceNotFoundException} "Device does not exist." if the key names no device of
     *     the user
     */
    void answerOnDevice(ClientState client, UserState user, Map<String, String> responses) {
        Optional<String> deviceKey = Optional.ofNullable(responses.get("DEVICE_KEY")).filter(key -> !key.isEmpty());
        if (client.pool.settings.deviceTracking().isEmpty() || deviceKey.isEmpty()) {
            return;
        }
        if (!user.devices.containsKey(deviceKey.get())) {
            throw CognitoException.resourceNotFound(DeviceActions.NO_DEVICE);
        }
        sessions.beginRequest(deviceKey);
    }

    /** After the password was accepted. */
    JsonObject afterPassword(ClientState client, UserState user) {
        if (!user.confirmed) {
            throw new CognitoException("UserNotConfirmedException", "User is not confirmed.");
        }
        if (user.mustChangePassword) {
            return challenge(client, user, new Challenge.NewPassword(), newPasswordParameters(client.pool, user));
        }
        return afterFirstFactor(client, user);
    }

    /**
     * After the password, and the new password if one was needed: the device's proof if the sign-in names a
     * confirmed device of the user ({@code DEVICE_SRP_AUTH}), else a second factor, or the tokens.
     */
    JsonObject afterFirstFactor(ClientState client, UserState user) {
        Optional<DeviceState> device = client.pool.settings.deviceTracking().isEmpty() ? Optional.empty()
                : sessions.requestDevice().map(user.devices::get).filter(DeviceState::isConfirmed);
        if (device.isPresent()) {
            return challenge(client, user, new Challenge.DeviceSrp(device.get().key),
                    Json.createObjectBuilder().add("USERNAME", user.username));
        }
        return secondFactor(client, user);
    }

    /**
     * After the device proved itself: the tokens if it is remembered and the pool lets remembered devices stand in
     * for the second factor ({@code ChallengeRequiredOnNewDevice}), else a second factor, or the tokens.
     */
    JsonObject afterDevice(ClientState client, UserState user, DeviceState device) {
        device.lastAuthenticatedAt = clock.instant();
        boolean standsIn = client.pool.settings.deviceTracking().map(t -> t.challengeRequiredOnNewDevice()).orElse(false);
        if (device.remembered && standsIn) {
            return signedIn(client, user);
        }
        return secondFactor(client, user);
    }

    /** A second factor if the pool asks for one, or the tokens. */
    private JsonObject secondFactor(ClientState client, UserState user) {
        PoolSettings settings = client.pool.settings;
        if (settings.mfaConfiguration() == MfaConfiguration.OFF) {
            return signedIn(client, user);
        }
        List<MfaFactor> usable = usableFactors(settings, user);
        if (usable.isEmpty()) {
            if (settings.mfaConfiguration() == MfaConfiguration.OPTIONAL) {
                return signedIn(client, user);
            }
            if (!settings.mfaFactors().contains(MfaFactor.SOFTWARE_TOKEN_MFA)) {
                throw new CognitoException("InvalidUserPoolConfigurationException",
                        "MFA is required but user " + user.username + " has no usable MFA factor"
                                + " and the pool does not offer software tokens to set one up");
            }
            JsonObjectBuilder parameters = Json.createObjectBuilder()
                    .add("MFAS_CAN_SETUP", jsonArray(List.of(MfaFactor.SOFTWARE_TOKEN_MFA.name())))
                    .add("USER_ID_FOR_SRP", user.username);
            return challenge(client, user, new Challenge.MfaSetup(Challenge.MfaSetup.Stage.TO_ASSOCIATE, Optional.empty()),
                    parameters);
        }
        Optional<MfaFactor> preferred = user.preferredMfa.filter(usable::contains);
        if (preferred.isPresent()) {
            return factorChallenge(client, user, preferred.get());
        }
        if (usable.size() == 1) {
            return factorChallenge(client, user, usable.get(0));
        }
        JsonObjectBuilder parameters = Json.createObjectBuilder()
                .add("MFAS_CAN_CHOOSE", jsonArray(usable.stream().map(Enum::name).toList()))
                .add("USER_ID_FOR_SRP", user.username);
        return challenge(client, user, new Challenge.SelectMfa(List.copyOf(usable)), parameters);
    }

    /** The challenge for {@code factor}, sending its code if it is sent. */
    JsonObject factorChallenge(ClientState client, UserState user, MfaFactor factor) {
        if (factor == MfaFactor.SOFTWARE_TOKEN_MFA) {
            return challenge(client, user, new Challenge.SoftwareToken(),
                    Json.createObjectBuilder().add("USER_ID_FOR_SRP", user.username));
        }
        DeliveredCode code = CodeDelivery.send(codes, client.pool, user, factor);
        JsonObjectBuilder parameters = Json.createObjectBuilder()
                .add("CODE_DELIVERY_DELIVERY_MEDIUM", factor == MfaFactor.SMS_MFA ? "SMS" : "EMAIL")
                .add("CODE_DELIVERY_DESTINATION", code.destination())
                .add("USER_ID_FOR_SRP", user.username);
        return challenge(client, user, new Challenge.DeliveredCodeCheck(factor, code.code()), parameters);
    }

    /**
     * The tokens: the sign-in is complete. With device tracking, a sign-in that named no device of the user gets a
     * new one ({@code NewDeviceMetadata}); the tokens belong to the device either way.
     */
    JsonObject signedIn(ClientState client, UserState user) {
        user.lockout.reset();
        Optional<String> deviceKey = sessions.requestDevice().filter(user.devices::containsKey);
        Optional<DeviceState> newDevice = Optional.empty();
        if (client.pool.settings.deviceTracking().isPresent() && deviceKey.isEmpty()) {
            String region = client.pool.id.substring(0, client.pool.id.indexOf('_'));
            DeviceState device = new DeviceState(region + "_" + Ids.uuid(), "-" + Ids.alphanumeric(9), clock.instant());
            user.devices.put(device.key, device);
            deviceKey = Optional.of(device.key);
            newDevice = Optional.of(device);
        }
        JsonObjectBuilder result = Json.createObjectBuilder(tokens.signIn(client, user, deviceKey).toJson());
        newDevice.ifPresent(device -> result.add("NewDeviceMetadata", Json.createObjectBuilder()
                .add("DeviceKey", device.key)
                .add("DeviceGroupKey", device.groupKey)));
        return Json.createObjectBuilder()
                .add("AuthenticationResult", result)
                .add("ChallengeParameters", Json.createObjectBuilder())
                .build();
    }

    /** A challenge answer with a new session for {@code challenge}. */
    JsonObject challenge(ClientState client, UserState user, Challenge challenge, JsonObjectBuilder parameters) {
        ChallengeSession session = sessions.open(client, user, challenge);
        return Json.createObjectBuilder()
                .add("ChallengeName", challenge.name())
                .add("ChallengeParameters", parameters)
                .add("Session", session.id())
                .build();
    }

    /** The factors Cognito would use for {@code user}: those turned on, or with MFA on, any the user can receive. */
    static List<MfaFactor> usableFactors(PoolSettings settings, UserState user) {
        List<MfaFactor> enabled = new ArrayList<>();
        List<MfaFactor> possible = new ArrayList<>();
        for (MfaFactor factor : settings.mfaFactors()) {
            if (canUse(user, factor)) {
                possible.add(factor);
                if (user.enabledMfa.contains(factor)) {
                    enabled.add(factor);
                }
            }
        }
        if (!enabled.isEmpty() || settings.mfaConfiguration() == MfaConfiguration.OPTIONAL) {
            return enabled;
        }
        return possible;
    }

    private static boolean canUse(UserState user, MfaFactor factor) {
        return switch (factor) {
            case SMS_MFA -> user.attribute("phone_number").isPresent();
            case EMAIL_OTP -> user.attribute("email").isPresent();
            case SOFTWARE_TOKEN_MFA -> user.softwareTokenSecret.isPresent();
        };
    }

    private static JsonObjectBuilder newPasswordParameters(PoolState pool, UserState user) {
        List<String> missing = new ArrayList<>();
        for (String required : pool.settings.requiredAttributes()) {
            if (user.attribute(required).isEmpty()) {
                missing.add("userAttributes." + required);
            }
        }
        JsonObjectBuilder attributes = Json.createObjectBuilder();
        for (Map.Entry<String, String> attribute : user.attributes.entrySet()) {
            attributes.add(attribute.getKey(), attribute.getValue());
        }
        return Json.createObjectBuilder()
                .add("USER_ID_FOR_SRP", user.username)
                .add("requiredAttributes", jsonArray(missing))
                .add("userAttributes", attributes.build().toString());
    }

    private static String jsonArray(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array.build().toString();
    }
}
