package dev.cognitosecured.testing.cognito.internal;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The checks of WebAuthn (Level 3, section 7) that a relying party makes, for LocalCognito: the client data
 * ({@code type}, {@code challenge}, {@code origin}), the authenticator data ({@code rpIdHash}, the user-present
 * flag, the signature counter, the attested credential id) and the ES256 signature over
 * {@code authenticatorData || SHA-256(clientDataJSON)}, verified with the JDK's {@link Signature}. The public key
 * of a registration is read from the response's {@code publicKey} (SubjectPublicKeyInfo, as WebAuthn Level 3's
 * {@code AuthenticatorAttestationResponseJSON} carries it); attestation statements are not checked (Cognito's
 * {@code none}).
 */
final class WebAuthnChecks {

    static final int USER_PRESENT = 0x01;
    static final int ATTESTED_CREDENTIAL_DATA = 0x40;

    private WebAuthnChecks() {}

    /** The credential JSON ({@code CREDENTIAL}, {@code Credential}) as an object. */
    static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw CognitoException.invalidParameter("The credential is not a JSON object.");
        }
    }

    /** The client data of {@code response}, checked for {@code type}, {@code challenge} and {@code origin}. */
    static byte[] clientData(JsonObject response, String type, byte[] challenge, String relyingPartyId) {
        byte[] bytes = bytes(response, "clientDataJSON");
        JsonObject clientData = parse(new String(bytes, StandardCharsets.UTF_8));
        if (!type.equals(clientData.getString("type", ""))) {
            throw CognitoException.notAuthorized("The client data's type is not " + type + ".");
        }
        if (!base64Url(challenge).equals(clientData.getString("challenge", ""))) {
            throw new CognitoException("WebAuthnChallengeNotFoundException",
                    "The client data's challenge is not the one Cognito issued.");
        }
        if (!("https://" + relyingPartyId).equals(clientData.getString("origin", ""))) {
            throw new CognitoException("WebAuthnOriginNotAllowedException",
                    "The origin " + clientData.getString("origin", "(none)") + " is not allowed for the relying party "
                            + relyingPartyId + ".");
        }
        return bytes;
    }

    /**
     * The authenticator data of {@code response}, checked for the relying party's hash and the flags in
     * {@code requiredFlags}.
     */
    static ByteBuffer authenticatorData(JsonObject response, String relyingPartyId, int requiredFlags) {
        byte[] data = bytes(response, "authenticatorData");
        if (data.length < 37) {
            throw CognitoException.invalidParameter("The authenticator data is too short.");
        }
        if (!MessageDigest.isEqual(Arrays.copyOf(data, 32), sha256(relyingPartyId.getBytes(StandardCharsets.UTF_8)))) {
            throw new CognitoException("WebAuthnRelyingPartyMismatchException",
                    "The authenticator data is not for the relying party " + relyingPartyId + ".");
        }
        if ((data[32] & requiredFlags) != requiredFlags) {
            throw CognitoException.notAuthorized("The authenticator data lacks the flags the ceremony requires.");
        }
        return ByteBuffer.wrap(data);
    }

    /** The signature counter of authenticator data. */
    static long signCount(ByteBuffer authenticatorData) {
        return Integer.toUnsignedLong(authenticatorData.getInt(33));
    }

    /** The credential id in attested credential data (after the 16-byte AAGUID). */
    static String attestedCredentialId(ByteBuffer authenticatorData) {
        if (authenticatorData.limit() < 55) {
            throw CognitoException.invalidParameter("The authenticator data holds no attested credential data.");
        }
        int length = Short.toUnsignedInt(authenticatorData.getShort(53));
        if (authenticatorData.limit() < 55 + length) {
            throw CognitoException.invalidParameter("The attested credential id is cut short.");
        }
        byte[] id = new byte[length];
        authenticatorData.get(55, id);
        return base64Url(id);
    }

    /** The P-256 public key in {@code response.publicKey}, with {@code publicKeyAlgorithm} -7 (ES256). */
    static PublicKey publicKey(JsonObject response) {
        if (response.getInt("publicKeyAlgorithm", 0) != -7) {
            throw new CognitoException("WebAuthnCredentialNotSupportedException",
                    "Only ES256 (publicKeyAlgorithm -7) credentials are supported here.");
        }
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(bytes(response, "publicKey")));
            if (!(key instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
                throw new CognitoException("WebAuthnCredentialNotSupportedException", "The public key is not on P-256.");
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new CognitoException("WebAuthnCredentialNotSupportedException", "The public key cannot be read.");
        }
    }

    /** Whether {@code signature} (DER, as WebAuthn's ES256) signs {@code authData || SHA-256(clientData)}. */
    static boolean verifies(PublicKey key, byte[] authData, byte[] clientData, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(authData);
            verifier.update(sha256(clientData));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The base64url member {@code name} of {@code object}, decoded. */
    static byte[] bytes(JsonObject object, String name) {
        String text = object.getString(name, "");
        if (text.isEmpty()) {
            throw CognitoException.invalidParameter("The credential lacks " + name + ".");
        }
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw CognitoException.invalidParameter("The credential's " + name + " is not base64url.");
        }
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
