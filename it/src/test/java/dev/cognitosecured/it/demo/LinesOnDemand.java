package dev.cognitosecured.it.demo;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a person types at the console, one line at a time: each line is made only when the reader asks
 * for it, so a line can be a code that is "sent" after the earlier lines were read. Reports nothing as
 * available, so a reader never asks for a line before it needs one.
 */
final class LinesOnDemand extends InputStream {

    private final Deque<Supplier<String>> lines;
    private byte[] current = new byte[0];
    private int position;

    LinesOnDemand(List<Supplier<String>> lines) {
        this.lines = new ArrayDeque<>(lines);
    }

    @Override
    public int read() {
        if (!nextLineIfNeeded()) {
            return -1;
        }
        return current[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (!nextLineIfNeeded()) {
            return -1;
        }
        int count = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, count);
        position += count;
        return count;
    }

    @Override
    public int available() {
        return 0;
    }

    private boolean nextLineIfNeeded() {
        if (position < current.length) {
            return true;
        }
        if (lines.isEmpty()) {
            return false;
        }
        current = (lines.removeFirst().get() + "\n").getBytes(StandardCharsets.UTF_8);
        position = 0;
        return true;
    }
}
