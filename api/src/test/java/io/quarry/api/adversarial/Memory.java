package io.quarry.api.adversarial;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The test JVM's memory (it runs the server too): heap in use after a GC, and the resident set size. */
final class Memory {

    private Memory() {
    }

    /** {@code "<heap MB> / <RSS MB>"} now, after a GC. */
    static String sample() {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        return heap + " / " + rssMb();
    }

    static long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    static String table(Map<String, String> samples) {
        StringBuilder table = new StringBuilder();
        samples.forEach((when, sample) -> table.append(String.format("  %-18s %s MB%n", when, sample)));
        return table.toString();
    }

    /** Heap growth after GC from the first checkpoint after the start (the warm server) to the end, in MB. */
    static long growthMb(Map<String, String> samples) {
        List<String> values = new ArrayList<>(samples.values());
        if (values.size() < 3) {
            return 0;
        }
        return heap(values.get(values.size() - 1)) - heap(values.get(1));
    }

    private static long heap(String sample) {
        return Long.parseLong(sample.split(" / ")[0]);
    }
}
