package dev.cognitosecured.benchmarks.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The heap in use after full collections, for differences between two states of the heap. */
final class HeapUsage {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private HeapUsage() {
    }

    /**
     * Bytes of heap in use after collecting until the figure stops falling (at most ten times): what
     * is reachable, and some slack of the collector that is the same in two measurements.
     */
    static long afterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long now = MEMORY.getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return Math.min(now, used);
            }
            used = now;
        }
        return used;
    }
}
