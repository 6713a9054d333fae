package dev.cognitosecured.runtime.internal.graphql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BoundedInputStreamTest {

    @Test
    void aBodyOfExactlyTheBoundIsReadWhole() throws IOException {
        byte[] body = "0123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (BoundedInputStream in = new BoundedInputStream(new ByteArrayInputStream(body), body.length)) {
            assertArrayEquals(body, in.readAllBytes());
            assertEquals(body.length, in.bytesRead());
        }
    }

    @Test
    void oneByteMoreThanTheBoundIsRefused() {
        BoundedInputStream in = new BoundedInputStream(new ByteArrayInputStream(new byte[11]), 10);
        BoundedInputStream.TooLarge e = assertThrows(BoundedInputStream.TooLarge.class, in::readAllBytes);
        assertTrue(e.getMessage().contains("10 bytes"), e.getMessage());
    }

    @Test
    void anEndlessBodyIsReadNoFurtherThanOneByteBeyondTheBound() {
        EndlessStream endless = new EndlessStream();
        BoundedInputStream in = new BoundedInputStream(endless, 100_000);

        assertThrows(BoundedInputStream.TooLarge.class, in::readAllBytes);

        assertEquals(100_001, endless.served, "the bound plus the one byte that proves it is exceeded");
        assertEquals(100_001, in.bytesRead());
    }

    @Test
    void singleByteReadsCountToo() throws IOException {
        BoundedInputStream in = new BoundedInputStream(new ByteArrayInputStream(new byte[3]), 2);
        assertEquals(0, in.read());
        assertEquals(0, in.read());
        assertThrows(BoundedInputStream.TooLarge.class, in::read);
    }

    @Test
    void skippingCountsAsReading() throws IOException {
        BoundedInputStream in = new BoundedInputStream(new ByteArrayInputStream(new byte[100]), 50);
        assertEquals(50, in.skip(50));
        assertThrows(BoundedInputStream.TooLarge.class, () -> in.skip(10));
    }

    @Test
    void markAndResetAreNotSupported() {
        BoundedInputStream in = new BoundedInputStream(new ByteArrayInputStream(new byte[4]), 4);
        assertEquals(false, in.markSupported());
        assertThrows(IOException.class, in::reset);
    }

    /** A stream that never ends, counting what it served. */
    private static final class EndlessStream extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'x');
            served += length;
            return length;
        }
    }
}
