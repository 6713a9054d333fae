package dev.cognitosecured.runtime;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The user's second factors as Cognito holds them ({@code GetUser}: {@code UserMFASettingList},
 * {@code PreferredMfaSetting}).
 *
 * @param enabled the factors turned on
 * @param preferred the one Cognito asks for first, if the user chose one
 */
public record MfaSettings(Set<MfaType> enabled, Optional<MfaType> preferred) {
    /**
     * Keeps an unmodifiable copy of {@code enabled}.
     *
     * @param enabled the factors turned on
     * @param preferred the one Cognito asks for first, if the user chose one
     * @throws NullPointerException if a component is {@code null}
     */
    public MfaSettings {
        Objects.requireNonNull(preferred, "preferred");
        enabled = enabled.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(MfaType.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(enabled));
    }
}
