package dev.cognitosecured.it.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What an application leaves behind: the threads it started, and the TCP connections this host holds open to
 * a server's port (read from {@code /proc/net/tcp} and {@code tcp6}, so Linux only; elsewhere nothing is
 * counted). Waits are bounded by {@link Threads#STALL_SECONDS}, a guard against a hang.
 */
final class Leaks {

    private final Set<Thread> before;

    private Leaks(Set<Thread> before) {
        this.before = before;
    }

    /** Remembers the threads alive now, before the application boots. */
    static Leaks threadsNow() {
        return new Leaks(new HashSet<>(Thread.getAllStackTraces().keySet()));
    }

    /** The threads started since {@link #threadsNow()} that are still alive. */
    List<Thread> startedSince() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.isAlive())
                .toList();
    }

    /**
     * Waits for {@code threads} to end, each within the stall bound, and returns those still alive: after the
     * application closed, its threads must all end.
     */
    static List<String> stillAliveAfterJoining(List<Thread> threads) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Threads.STALL_SECONDS);
        for (Thread thread : threads) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left > 0) {
                thread.join(left);
            }
        }
        return threads.stream().filter(Thread::isAlive).map(Thread::getName).collect(Collectors.toList());
    }

    /** Whether {@link #openConnectionsTo} can count on this system. */
    static boolean canCountConnections() {
        return Files.isReadable(Path.of("/proc/net/tcp"));
    }

    /** How many TCP connections of this host to {@code port} are established (the clients' ends). */
    static long openConnectionsTo(int port) {
        String wanted = String.format(Locale.ROOT, ":%04X", port);
        long count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                List<String> lines = Files.readAllLines(Path.of(table));
                for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) { // after the header
                    String[] columns = line.trim().split("\\s+");
                    // columns: sl, local address, remote address, state (01: established)
                    if (columns.length > 3 && columns[2].endsWith(wanted) && columns[3].equals("01")) {
                        count++;
                    }
                }
            } catch (IOException unreadable) {
                // no such table here (e.g. no IPv6): nothing to count in it
            }
        }
        return count;
    }
}
