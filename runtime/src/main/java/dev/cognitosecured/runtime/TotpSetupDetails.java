package dev.cognitosecured.runtime;

import java.util.Arrays;
import java.util.Objects;

/**
 * The key of a new authenticator app for the signed-in user ({@code AssociateSoftwareToken}), to show once: as text
 * ({@link #sharedSecret()}) or as a QR code of {@link #setupUri()}. Both hold the secret; it is meant for the user's
 * eyes only: never log them. {@link #toString()} hides it.
 */
public final class TotpSetupDetails {

    private final char[] sharedSecret;
    private final String setupUri;

    /**
     * The key and its URI, as Cognito returned them; the array is copied, so the caller may clear its own.
     *
     * @param sharedSecret the Base32 key (copied)
     * @param setupUri {@code otpauth://totp/<issuer>:<user>?secret=<key>&issuer=<issuer>}
     */
    public TotpSetupDetails(char[] sharedSecret, String setupUri) {
        this.sharedSecret = Objects.requireNonNull(sharedSecret, "sharedSecret").clone();
        this.setupUri = Objects.requireNonNull(setupUri, "setupUri");
    }

    /** {@return the Base32 key, to type into the app: a new copy each time, which the caller may clear} */
    public char[] sharedSecret() {
        return sharedSecret.clone();
    }

    /**
     * The URI for the authenticator app, to show as a QR code. It holds the key.
     *
     * @return the {@code otpauth://totp/<issuer>:<user>?secret=<key>&issuer=<issuer>} URI
     */
    public String setupUri() {
        return setupUri;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TotpSetupDetails that && Arrays.equals(sharedSecret, that.sharedSecret)
                && setupUri.equals(that.setupUri);
    }

    @Override
    public int hashCode() {
        return setupUri.hashCode();
    }

    /** Hides the key. */
    @Override
    public String toString() {
        return "TotpSetupDetails[sharedSecret=***]";
    }
}
