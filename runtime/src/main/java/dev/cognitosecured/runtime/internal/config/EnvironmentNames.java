package dev.cognitosecured.runtime.internal.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The environment variable names under which a key is looked up, in MicroProfile Config's order:
 * the key itself, then with each character other than a letter or digit replaced by {@code _},
 * then that in upper case ({@code cognito-secured.user-pool-id} →
 * {@code COGNITO_SECURED_USER_POOL_ID}).
 */
final class EnvironmentNames {

    private EnvironmentNames() {
    }

    /** The upper-case name, e.g. {@code COGNITO_SECURED_POOLS_PARTNERS_CLIENT_ID}. */
    static String of(String key) {
        return sanitized(key).toUpperCase(Locale.ROOT);
    }

    /** Every name to try, first match wins, without repeats. */
    static List<String> candidates(String key) {
        Set<String> names = new LinkedHashSet<>();
        names.add(key);
        names.add(sanitized(key));
        names.add(of(key));
        return List.copyOf(names);
    }

    private static String sanitized(String key) {
        StringBuilder name = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            name.append(letterOrDigit ? c : '_');
        }
        return name.toString();
    }
}
