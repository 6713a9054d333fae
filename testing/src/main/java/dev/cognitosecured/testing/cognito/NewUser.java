package dev.cognitosecured.testing.cognito;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A user to create with {@link LocalCognito#createUser(UserPool, NewUser)}:
 *
 * <pre>{@code
 * NewUser.withTemporaryPassword("bob", "Temp-0rary")
 *         .attribute("email", "bob@example.com")
 *         .groups("admins")
 *         .withMfa(MfaFactor.EMAIL_OTP)
 * }</pre>
 *
 * <p>Immutable: each method returns a new value. {@link #toString()} never shows the password or the
 * software-token secret.
 */
public final class NewUser {

    private final String username;
    private final String password;
    private final boolean temporaryPassword;
    private final Map<String, String> attributes;
    private final List<String> groups;
    private final Set<MfaFactor> mfa;
    private final Optional<MfaFactor> preferredMfa;
    private final Optional<String> softwareTokenSecret;

    private NewUser(String username, String password, boolean temporaryPassword, Map<String, String> attributes,
            List<String> groups, Set<MfaFactor> mfa, Optional<MfaFactor> preferredMfa,
            Optional<String> softwareTokenSecret) {
        this.username = username;
        this.password = password;
        this.temporaryPassword = temporaryPassword;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        this.groups = List.copyOf(groups);
        this.mfa = mfa.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(MfaFactor.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(mfa));
        this.preferredMfa = preferredMfa;
        this.softwareTokenSecret = softwareTokenSecret;
    }

    /**
     * {@return a confirmed user who signs in with {@code password}}
     *
     * @param username the user name; not blank
     * @param password the password; not blank
     */
    public static NewUser withPassword(String username, String password) {
        return create(username, password, false);
    }

    /**
     * A user whose first sign-in must choose a new password ({@code FORCE_CHANGE_PASSWORD}, answered through
     * {@code NEW_PASSWORD_REQUIRED}), as after {@code AdminCreateUser} with a {@code TemporaryPassword}.
     *
     * @param username the user name; not blank
     * @param temporaryPassword the password of the first sign-in; not blank
     * @return the user
     */
    public static NewUser withTemporaryPassword(String username, String temporaryPassword) {
        return create(username, temporaryPassword, true);
    }

    private static NewUser create(String username, String password, boolean temporary) {
        requireText(username, "username");
        requireText(password, "password");
        return new NewUser(username, password, temporary, Map.of(), List.of(), Set.of(), Optional.empty(),
                Optional.empty());
    }

    /**
     * {@return this user with the attribute {@code name} (such as {@code email}, {@code phone_number}, {@code name})}
     *
     * @param name the attribute's name; not blank, not {@code sub} (the pool assigns it)
     * @param value the attribute's value
     */
    public NewUser attribute(String name, String value) {
        requireText(name, "attribute name");
        Objects.requireNonNull(value, "value");
        if (name.equals("sub")) {
            throw new IllegalArgumentException("sub is assigned by the user pool");
        }
        Map<String, String> more = new LinkedHashMap<>(attributes);
        more.put(name, value);
        return new NewUser(username, password, temporaryPassword, more, groups, mfa, preferredMfa, softwareTokenSecret);
    }

    /**
     * {@return this user in the groups {@code names} too (the {@code cognito:groups} claim)}
     *
     * @param names the groups' names; not blank
     */
    public NewUser groups(String... names) {
        List<String> more = new ArrayList<>(groups);
        for (String name : names) {
            requireText(name, "group name");
            more.add(name);
        }
        return new NewUser(username, password, temporaryPassword, attributes, more, mfa, preferredMfa,
                softwareTokenSecret);
    }

    /**
     * This user with the second factors {@code factors} turned on, as {@code AdminSetUserMFAPreference} with
     * {@code Enabled}. {@link MfaFactor#SMS_MFA} needs a {@code phone_number} attribute, {@link
     * MfaFactor#EMAIL_OTP} an {@code email}, {@link MfaFactor#SOFTWARE_TOKEN_MFA} a {@link
     * #softwareToken(String) software token}.
     *
     * @param factors the factors turned on, in place of those given before
     * @return this user with those factors
     */
    public NewUser withMfa(MfaFactor... factors) {
        return new NewUser(username, password, temporaryPassword, attributes, groups, Set.of(factors), preferredMfa,
                softwareTokenSecret);
    }

    /**
     * {@return this user preferring {@code factor} when several are on (no {@code SELECT_MFA_TYPE} then)}
     *
     * @param factor one of the factors turned on
     */
    public NewUser preferredMfa(MfaFactor factor) {
        return new NewUser(username, password, temporaryPassword, attributes, groups, mfa,
                Optional.of(factor), softwareTokenSecret);
    }

    /**
     * This user with a verified authenticator app holding the Base32 {@code secret} (see {@link
     * Totp#newSecret()} and {@link Totp#code(String, java.time.Instant)}).
     *
     * @param secret the authenticator app's Base32 secret; not blank
     * @return this user with that software token
     */
    public NewUser softwareToken(String secret) {
        requireText(secret, "secret");
        return new NewUser(username, password, temporaryPassword, attributes, groups, mfa, preferredMfa,
                Optional.of(secret));
    }

    /** {@return the user name} */
    public String username() {
        return username;
    }

    /** {@return the password, permanent or temporary} */
    public String password() {
        return password;
    }

    /** {@return whether {@link #password()} is temporary} */
    public boolean temporaryPassword() {
        return temporaryPassword;
    }

    /** {@return the attributes, in the order given} */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** {@return the groups} */
    public List<String> groups() {
        return groups;
    }

    /** {@return the second factors turned on} */
    public Set<MfaFactor> mfa() {
        return mfa;
    }

    /** {@return the preferred second factor, if any} */
    public Optional<MfaFactor> preferredMfa() {
        return preferredMfa;
    }

    /** {@return the Base32 secret of the user's authenticator app, if any} */
    public Optional<String> softwareTokenSecret() {
        return softwareTokenSecret;
    }

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", password=***, temporaryPassword=" + temporaryPassword
                + ", attributes=" + attributes.keySet() + ", groups=" + groups + ", mfa=" + mfa
                + ", preferredMfa=" + preferredMfa.map(Enum::name).orElse("none")
                + ", softwareToken=" + (softwareTokenSecret.isPresent() ? "***" : "none") + "]";
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
