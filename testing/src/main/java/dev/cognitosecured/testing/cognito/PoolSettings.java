package dev.cognitosecured.testing.cognito;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of a user pool. Start from {@link #defaults()} and change what the test needs:
 *
 * <pre>{@code
 * PoolSettings.defaults()
 *         .withMfa(MfaConfiguration.ON, MfaFactor.SOFTWARE_TOKEN_MFA, MfaFactor.EMAIL_OTP)
 *         .withRequiredAttributes("name")
 * }</pre>
 *
 * <p>Token lifetimes and the challenge-session validity are settings of the app client, as in Cognito: see
 * {@link ClientSettings}.
 *
 * @param mfaConfiguration whether a second factor is asked for
 * @param mfaFactors the second factors the pool offers
 * @param requiredAttributes attributes every user must have; a user created without one of them is asked
 *     for it in {@code NEW_PASSWORD_REQUIRED}
 * @param passwordPolicy the rules for new passwords
 * @param temporaryPasswordValidity how long a temporary password can be used (Cognito's default: 7 days)
 * @param customAuth the custom authentication triggers, if the pool has them ({@code CUSTOM_AUTH})
 * @param account sign-up and the verification of e-mail addresses and phone numbers
 * @param deviceTracking whether and how the pool tracks and remembers devices; none by default
 */
public record PoolSettings(
        MfaConfiguration mfaConfiguration,
        Set<MfaFactor> mfaFactors,
        Set<String> requiredAttributes,
        PasswordPolicy passwordPolicy,
        Duration temporaryPasswordValidity,
        Optional<CustomAuthTriggers> customAuth,
        AccountSettings account,
        Optional<DeviceTracking> deviceTracking) {

    /**
     * Settings with unmodifiable copies of the sets.
     *
     * @param mfaConfiguration whether a second factor is asked for
     * @param mfaFactors the second factors the pool offers; at least one unless MFA is off
     * @param requiredAttributes attributes every user must have
     * @param passwordPolicy the rules for new passwords
     * @param temporaryPasswordValidity how long a temporary password can be used; positive
     * @param customAuth the custom authentication triggers, if the pool has them
     * @param account sign-up and the verification of e-mail addresses and phone numbers
     * @param deviceTracking whether and how the pool tracks and remembers devices
     * @throws IllegalArgumentException if MFA is not off and no factor is offered, or {@code
     *     temporaryPasswordValidity} is not positive
     */
    public PoolSettings {
        Objects.requireNonNull(deviceTracking, "deviceTracking");
        Objects.requireNonNull(mfaConfiguration, "mfaConfiguration");
        Objects.requireNonNull(passwordPolicy, "passwordPolicy");
        Objects.requireNonNull(temporaryPasswordValidity, "temporaryPasswordValidity");
        Objects.requireNonNull(customAuth, "customAuth");
        Objects.requireNonNull(account, "account");
        mfaFactors = mfaFactors.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(MfaFactor.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(mfaFactors));
        requiredAttributes = Collections.unmodifiableSet(new LinkedHashSet<>(requiredAttributes));
        if (mfaConfiguration != MfaConfiguration.OFF && mfaFactors.isEmpty()) {
            throw new IllegalArgumentException("MFA " + mfaConfiguration + " needs at least one MFA factor");
        }
        if (temporaryPasswordValidity.isNegative() || temporaryPasswordValidity.isZero()) {
            throw new IllegalArgumentException("temporaryPasswordValidity must be positive: " + temporaryPasswordValidity);
        }
    }

    /**
     * {@return the default settings: MFA off, no required attributes, Cognito's default password policy,
     * temporary passwords valid 7 days, {@link AccountSettings#defaults()}, no custom authentication, no device
     * tracking}
     */
    public static PoolSettings defaults() {
        return new PoolSettings(MfaConfiguration.OFF, EnumSet.allOf(MfaFactor.class), Set.of(),
                PasswordPolicy.cognitoDefault(), Duration.ofDays(7), Optional.empty(), AccountSettings.defaults(),
                Optional.empty());
    }

    /**
     * {@return these settings with MFA {@code configuration}, offering {@code factors}}
     *
     * @param configuration whether a second factor is asked for
     * @param factors the second factors offered; at least one unless {@code configuration} is off
     */
    public PoolSettings withMfa(MfaConfiguration configuration, MfaFactor... factors) {
        return new PoolSettings(configuration, Set.copyOf(List.of(factors)), requiredAttributes, passwordPolicy,
                temporaryPasswordValidity, customAuth, account, deviceTracking);
    }

    /**
     * {@return these settings with {@code attributes} (such as {@code "name"}) required of every user}
     *
     * @param attributes the attributes' names
     */
    public PoolSettings withRequiredAttributes(String... attributes) {
        return new PoolSettings(mfaConfiguration, mfaFactors, new LinkedHashSet<>(List.of(attributes)), passwordPolicy,
                temporaryPasswordValidity, customAuth, account, deviceTracking);
    }

    /**
     * {@return these settings with another password policy}
     *
     * @param policy the rules for new passwords
     */
    public PoolSettings withPasswordPolicy(PasswordPolicy policy) {
        return new PoolSettings(mfaConfiguration, mfaFactors, requiredAttributes, policy, temporaryPasswordValidity,
                customAuth, account, deviceTracking);
    }

    /**
     * {@return these settings with temporary passwords valid for {@code validity}}
     *
     * @param validity positive
     */
    public PoolSettings withTemporaryPasswordValidity(Duration validity) {
        return new PoolSettings(mfaConfiguration, mfaFactors, requiredAttributes, passwordPolicy, validity, customAuth,
                account, deviceTracking);
    }

    /**
     * {@return these settings with {@code account}'s sign-up and verification rules}
     *
     * @param account the rules
     */
    public PoolSettings withAccount(AccountSettings account) {
        return new PoolSettings(mfaConfiguration, mfaFactors, requiredAttributes, passwordPolicy,
                temporaryPasswordValidity, customAuth, account, deviceTracking);
    }

    /**
     * {@return these settings with custom authentication ({@code CUSTOM_AUTH}) driven by {@code triggers}}
     *
     * @param triggers the triggers, played by test code
     */
    public PoolSettings withCustomAuth(CustomAuthTriggers triggers) {
        return new PoolSettings(mfaConfiguration, mfaFactors, requiredAttributes, passwordPolicy,
                temporaryPasswordValidity, Optional.of(triggers), account, deviceTracking);
    }

    /**
     * {@return these settings with device tracking ({@code DeviceConfiguration}) turned on as {@code tracking} says}
     *
     * @param tracking how devices are remembered
     */
    public PoolSettings withDeviceTracking(DeviceTracking tracking) {
        return new PoolSettings(mfaConfiguration, mfaFactors, requiredAttributes, passwordPolicy,
                temporaryPasswordValidity, customAuth, account, Optional.of(tracking));
    }
}
