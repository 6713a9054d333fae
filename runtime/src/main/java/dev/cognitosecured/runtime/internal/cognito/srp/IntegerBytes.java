package dev.cognitosecured.runtime.internal.cognito.srp;

import java.math.BigInteger;
import java.util.Arrays;

/** How an SRP deployment turns a non-negative integer into the bytes it hashes. */
enum IntegerBytes {

    /**
     * Cognito's: the shortest two's-complement big-endian form ({@link BigInteger#toByteArray()}),
     * which is the hex digits, left-padded to an even count, with a {@code 00} byte in front when
     * the top bit is set.
     */
    SHORTEST_SIGNED {
        @Override
        byte[] of(BigInteger value, SrpGroup group) {
            return value.toByteArray();
        }
    },

    /** RFC 5054's {@code PAD()}: unsigned big-endian, left-padded with zeros to the length of {@code N}. */
    PADDED_TO_MODULUS {
        @Override
        byte[] of(BigInteger value, SrpGroup group) {
            byte[] signed = value.toByteArray();
            int width = group.byteLength();
            int start = signed.length > 1 && signed[0] == 0 ? 1 : 0;
            int length = signed.length - start;
            if (length > width) {
                throw new IllegalArgumentException("the value is longer than the modulus");
            }
            byte[] padded = new byte[width];
            System.arraycopy(signed, start, padded, width - length, length);
            Arrays.fill(signed, (byte) 0);
            return padded;
        }
    };

    /** The bytes of {@code value}, which must not be negative. */
    abstract byte[] of(BigInteger value, SrpGroup group);
}
