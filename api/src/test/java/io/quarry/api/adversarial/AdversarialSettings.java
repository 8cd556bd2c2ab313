package io.quarry.api.adversarial;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * The knobs of the adversarial suite, from system properties: by default the short form that
 * runs in every {@code ./quarry test}; the long form with, for example,
 * {@code -Dquarry.adversarial.reports=100000 -Dquarry.adversarial.fuzz=1000000}.
 *
 * <ul>
 *   <li>{@code quarry.adversarial.reports}: randomized reports checked against the oracle (300);</li>
 *   <li>{@code quarry.adversarial.fuzz}: fuzz inputs (3000);</li>
 *   <li>{@code quarry.adversarial.seed}: the run's seed, a number or {@code random} (a fixed default,
 *       so a CI failure repeats);</li>
 *   <li>{@code quarry.adversarial.replay}: one case seed printed by a failure; only that case runs;</li>
 *   <li>{@code quarry.adversarial.threads}: concurrent callers (2);</li>
 *   <li>{@code quarry.adversarial.timeout}: seconds one report may take before it counts as a hang (30);</li>
 *   <li>{@code quarry.adversarial.fuzz-timeout}: the same for a fuzz input (10: the fuzzed server's statement
 *       timeout is 5 s).</li>
 * </ul>
 */
record AdversarialSettings(int reports, int fuzz, long seed, OptionalLong replay, int threads, Duration timeout,
                           Duration fuzzTimeout) {

    static final String PREFIX = "quarry.adversarial.";
    static final long DEFAULT_SEED = 13_2026_11_30L;

    static AdversarialSettings read() {
        String seed = System.getProperty(PREFIX + "seed", "");
        long runSeed = seed.isBlank() ? DEFAULT_SEED
                : seed.equalsIgnoreCase("random") ? new java.security.SecureRandom().nextLong() : Long.parseLong(seed);
        String replay = System.getProperty(PREFIX + "replay", "");
        return new AdversarialSettings(integer("reports", 300), integer("fuzz", 3000), runSeed,
                replay.isBlank() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(replay)),
                Math.max(1, integer("threads", 2)), Duration.ofSeconds(integer("timeout", 30)),
                Duration.ofSeconds(integer("fuzz-timeout", 10)));
    }

    private static int integer(String name, int fallback) {
        String value = System.getProperty(PREFIX + name, "");
        return value.isBlank() ? fallback : Integer.parseInt(value.replace("_", ""));
    }

    /** Whether this run is the long form (and so asserts on memory and prints progress). */
    boolean longForm() {
        return reports >= 10_000 || fuzz >= 100_000;
    }

    /** How many cases to run: one when replaying, else {@code count}. */
    int cases(int count) {
        return replay.isPresent() ? 1 : count;
    }

    /** The seed of case {@code index}: the replayed one, or one derived from the run's seed. */
    long caseSeed(int index) {
        if (replay.isPresent()) {
            return replay.getAsLong();
        }
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The command line that replays one case of {@code testClass}. */
    static String replayCommand(String testClass, long caseSeed) {
        return "cd api && ../mvnw -B -o verify -Dtest='io.quarry.api.adversarial." + testClass
                + "' -Dsurefire.failIfNoSpecifiedTests=false -D" + PREFIX + "replay=" + caseSeed;
    }
}
