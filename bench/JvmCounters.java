package bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A running JVM's own account of where its time went, read with {@code jcmd <pid> PerfCounter.print}
 * and {@code /proc/<pid>/stat}: seconds of JIT compilation (all compiler threads), of class loading
 * (the application class loader's, inclusive), classes loaded and how many came from a CDS archive,
 * and the process's CPU seconds. NaN where a counter could not be read.
 */
record JvmCounters(double compileSeconds, double classLoadSeconds, long loadedClasses, long sharedClasses,
                   double cpuSeconds) {

    /** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100;

    static JvmCounters of(long pid) {
        Map<String, String> counters = new HashMap<>();
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid), "PerfCounter.print").redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(jcmd.getInputStream(),
                    StandardCharsets.UTF_8))) {
                out.lines().map(line -> line.split("=", 2)).filter(kv -> kv.length == 2)
                        .forEach(kv -> counters.put(kv[0].strip(), kv[1].strip().replace("\"", "")));
            }
            jcmd.waitFor();
        } catch (Exception e) {
            // counters are optional: NaN below
        }
        double frequency = value(counters, "sun.os.hrt.frequency");
        return new JvmCounters(value(counters, "java.ci.totalTime") / frequency,
                value(counters, "sun.cls.appClassLoadTime") / frequency,
                (long) value(counters, "java.cls.loadedClasses"), (long) value(counters, "java.cls.sharedLoadedClasses"),
                cpuSeconds(pid));
    }

    private static double value(Map<String, String> counters, String name) {
        try {
            return Double.parseDouble(counters.get(name));
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** utime + stime of the process (fields 14 and 15 of /proc/<pid>/stat, after the command's parentheses). */
    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
        } catch (Exception e) {
            return Double.NaN;
        }
    }
}
