package dev.cognitosecured.runtime.internal.cognito.srp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * RFC 5869 appendix A.1 (test case 1), cut to one block, and a short-key case; both expected
 * values were also reproduced with {@code openssl kdf -kdfopt digest:SHA256 ... HKDF}.
 */
class HkdfTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc5869TestCase1FirstBlock() {
        byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = HEX.parseHex("000102030405060708090a0b0c");
        byte[] info = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9");
        assertArrayEquals(HEX.parseHex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"),
                Hkdf.sha256(ikm, salt, info, 32));
        assertArrayEquals(HEX.parseHex("3cb25f25faacd57a90434f64d0362f2a"), Hkdf.sha256(ikm, salt, info, 16));
    }

    @Test
    void sixteenBytesOfTextInputs() {
        assertArrayEquals(HEX.parseHex("398f838a6019fc27d99d90009a1fe0bf"), Hkdf.sha256(
                bytes("password"), bytes("salt"), bytes("HKDF key derivation"), 16));
    }

    @Test
    void refusesMoreThanOneBlock() {
        assertThrows(IllegalArgumentException.class, () -> Hkdf.sha256(bytes("k"), bytes("s"), bytes("i"), 33));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
