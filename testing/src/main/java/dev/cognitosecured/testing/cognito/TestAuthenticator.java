package dev.cognitosecured.testing.cognito;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A passkey authenticator for tests, standing in for the browser and the platform authenticator: it holds an
 * EC P-256 key pair and answers WebAuthn's options JSON with real responses (WebAuthn Level 3's JSON forms), so
 * that LocalCognito checks them as a relying party does.
 *
 * <ul>
 *   <li>{@link #register}: the {@code RegistrationResponseJSON} for {@code PublicKeyCredentialCreationOptionsJSON}
 *       (what {@code StartWebAuthnRegistration} returns): client data of type {@code webauthn.create} with the
 *       options' challenge and this authenticator's origin; authenticator data with the SHA-256 of the relying
 *       party id, the user-present and attested-credential-data flags, the counter, the credential id and its
 *       COSE key; a {@code none} attestation object (CBOR); the key as {@code publicKey} (SubjectPublicKeyInfo).</li>
 *   <li>{@link #authenticate}: the {@code AuthenticationResponseJSON} for
 *       {@code PublicKeyCredentialRequestOptionsJSON} (Cognito's {@code CREDENTIAL_REQUEST_OPTIONS}): client data
 *       of type {@code webauthn.get}, authenticator data with the next counter value, and an ES256 signature
 *       (DER) over {@code authenticatorData || SHA-256(clientDataJSON)} made with the JDK's {@link Signature}.</li>
 * </ul>
 *
 * <p>{@link #atOrigin} gives the same authenticator as seen from another origin, to test the origin check.
 */
public final class TestAuthenticator {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final State state;
    private final String origin;

    private TestAuthenticator(State state, String origin) {
        this.state = state;
        this.origin = origin;
    }

    /**
     * {@return a new authenticator with a new key pair, used from {@code origin}}
     *
     * @param origin the origin its client data names, such as {@code https://localhost}
     */
    public static TestAuthenticator create(String origin) {
        Objects.requireNonNull(origin, "origin");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            byte[] id = new byte[16];
            RANDOM.nextBytes(id);
            return new TestAuthenticator(new State(generator.generateKeyPair(), id), origin);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make EC P-256 keys", e);
        }
    }

    /**
     * {@return this authenticator (same key, credential and counter) used from {@code otherOrigin}}
     *
     * @param otherOrigin the origin its client data names
     */
    public TestAuthenticator atOrigin(String otherOrigin) {
        return new TestAuthenticator(state, Objects.requireNonNull(otherOrigin, "otherOrigin"));
    }

    /** {@return the credential id (base64url), once {@link #register} made it} */
    public Optional<String> credentialId() {
        return Optional.ofNullable(state.relyingPartyId.get()).map(rp -> B64URL.encodeToString(state.credentialId));
    }

    /**
     * {@return the registration response for {@code creationOptionsJson}, as {@code RegistrationResponseJSON}}
     *
     * @param creationOptionsJson the {@code PublicKeyCredentialCreationOptionsJSON}, as {@code
     *     StartWebAuthnRegistration} returns it
     */
    public String register(String creationOptionsJson) {
        JsonObject options = read(creationOptionsJson);
        String rpId = options.getJsonObject("rp").getString("id");
        state.relyingPartyId.set(rpId);
        byte[] clientData = clientData("webauthn.create", options.getString("challenge"));
        byte[] cose = coseKey((ECPublicKey) state.keys.getPublic());
        ByteBuffer authData = ByteBuffer.allocate(37 + 16 + 2 + state.credentialId.length + cose.length);
        authData.put(sha256(rpId.getBytes(StandardCharsets.UTF_8)))
                .put((byte) 0x45) // user present, user verified, attested credential data
                .putInt(state.counter.get())
                .put(new byte[16]) // AAGUID: none
                .putShort((short) state.credentialId.length)
                .put(state.credentialId)
                .put(cose);
        byte[] authenticatorData = authData.array();
        Cbor attestation = new Cbor().map(3).text("fmt").text("none").text("attStmt").map(0).text("authData")
                .bytes(authenticatorData);
        String id = B64URL.encodeToString(state.credentialId);
        return Json.createObjectBuilder()
                .add("id", id)
                .add("rawId", id)
                .add("type", "public-key")
                .add("authenticatorAttachment", "platform")
                .add("clientExtensionResults", Json.createObjectBuilder())
                .add("response", Json.createObjectBuilder()
                        .add("clientDataJSON", B64URL.encodeToString(clientData))
                        .add("attestationObject", B64URL.encodeToString(attestation.toBytes()))
                        .add("authenticatorData", B64URL.encodeToString(authenticatorData))
                        .add("publicKey", B64URL.encodeToString(state.keys.getPublic().getEncoded()))
                        .add("publicKeyAlgorithm", -7)
                        .add("transports", Json.createArrayBuilder().add("internal")))
                .build()
                .toString();
    }

    /**
     * The assertion for {@code requestOptionsJson}, signed with this authenticator's key.
     *
     * @param requestOptionsJson the {@code PublicKeyCredentialRequestOptionsJSON} (Cognito's {@code
     *     CREDENTIAL_REQUEST_OPTIONS})
     * @return the {@code AuthenticationResponseJSON}
     * @throws IllegalStateException if this authenticator was not registered, or the options do not allow its
     *     credential
     */
    public String authenticate(String requestOptionsJson) {
        JsonObject options = read(requestOptionsJson);
        String rpId = options.getString("rpId", state.relyingPartyId.get());
        String id = credentialId().orElseThrow(() -> new IllegalStateException("this authenticator is not registered"));
        JsonArray allowed = options.getJsonArray("allowCredentials");
        if (allowed != null && !allowed.isEmpty() && allowed.stream()
                .noneMatch(c -> c.getValueType() == JsonValue.ValueType.OBJECT && id.equals(c.asJsonObject().getString("id", "")))) {
            throw new IllegalStateException("the options do not allow this authenticator's credential");
        }
        byte[] clientData = clientData("webauthn.get", options.getString("challenge"));
        byte[] authenticatorData = ByteBuffer.allocate(37)
                .put(sha256(rpId.getBytes(StandardCharsets.UTF_8)))
                .put((byte) 0x05) // user present, user verified
                .putInt(state.counter.incrementAndGet())
                .array();
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(state.keys.getPrivate(), RANDOM);
            signer.update(authenticatorData);
            signer.update(sha256(clientData));
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot sign with ES256", e);
        }
        return Json.createObjectBuilder()
                .add("id", id)
                .add("rawId", id)
                .add("type", "public-key")
                .add("authenticatorAttachment", "platform")
                .add("clientExtensionResults", Json.createObjectBuilder())
                .add("response", Json.createObjectBuilder()
                        .add("clientDataJSON", B64URL.encodeToString(clientData))
                        .add("authenticatorData", B64URL.encodeToString(authenticatorData))
                        .add("signature", B64URL.encodeToString(signature))
                        .add("userHandle", ""))
                .build()
                .toString();
    }

    @Override
    public String toString() {
        return "TestAuthenticator[origin=" + origin + ", registered=" + credentialId().isPresent() + "]";
    }

    private byte[] clientData(String type, String challenge) {
        return Json.createObjectBuilder()
                .add("type", type)
                .add("challenge", challenge)
                .add("origin", origin)
                .add("crossOrigin", false)
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The COSE_Key of an EC2 P-256 key for ES256: {1: 2, 3: -7, -1: 1, -2: x, -3: y}. */
    private static byte[] coseKey(ECPublicKey key) {
        return new Cbor().map(5)
                .integer(1).integer(2)
                .integer(3).integer(-7)
                .integer(-1).integer(1)
                .integer(-2).bytes(coordinate(key.getW().getAffineX()))
                .integer(-3).bytes(coordinate(key.getW().getAffineY()))
                .toBytes();
    }

    private static byte[] coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
        return out;
    }

    private static JsonObject read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    /** The key, the credential id, the relying party once registered, and the signature counter. */
    private static final class State {
        final KeyPair keys;
        final byte[] credentialId;
        final AtomicReference<String> relyingPartyId = new AtomicReference<>();
        final AtomicInteger counter = new AtomicInteger();

        State(KeyPair keys, byte[] credentialId) {
            this.keys = keys;
            this.credentialId = Arrays.copyOf(credentialId, credentialId.length);
        }
    }

    /** Just enough CBOR (RFC 8949) for an attestation object and a COSE key. */
    private static final class Cbor {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Cbor map(int entries) {
            return head(5, entries);
        }

        Cbor text(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            head(3, bytes.length);
            out.writeBytes(bytes);
            return this;
        }

        Cbor bytes(byte[] bytes) {
            head(2, bytes.length);
            out.writeBytes(bytes);
            return this;
        }

        Cbor integer(int value) {
            return value >= 0 ? head(0, value) : head(1, -1 - value);
        }

        byte[] toBytes() {
            return out.toByteArray();
        }

        private Cbor head(int major, int value) {
            if (value < 24) {
                out.write(major << 5 | value);
            } else if (value < 256) {
                out.write(major << 5 | 24);
                out.write(value);
            } else {
                out.write(major << 5 | 25);
                out.write(value >> 8);
                out.write(value & 0xff);
            }
            return this;
        }
    }
}
