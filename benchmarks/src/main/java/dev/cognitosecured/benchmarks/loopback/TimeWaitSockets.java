package dev.cognitosecured.benchmarks.loopback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Counts the TCP sockets in {@code TIME_WAIT} whose remote port is a given one, from Linux's
 * {@code /proc/net/tcp} and {@code /proc/net/tcp6}: the connections to a server that its client closed in
 * the last minute (the side that closes first keeps {@code TIME_WAIT}).
 */
final class TimeWaitSockets {

    private static final String TIME_WAIT = "06";

    private TimeWaitSockets() {
    }

    /** How many, or {@code -1} if {@code /proc} cannot be read (not Linux). */
    static long toPort(int port) {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        long count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(table));
            } catch (IOException e) {
                return -1;
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && fields[2].endsWith(hexPort) && fields[3].equals(TIME_WAIT)) {
                    count++;
                }
            }
        }
        return count;
    }
}
