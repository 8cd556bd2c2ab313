package bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The warm-start report: per configuration, the medians over its fresh starts, then every start.
 * Steady: the final throughput is the median of the last {@value #FINAL_ROUNDS} rounds; the server
 * is steady at the end of the first round that, with the round after it, is within 5% of it (at
 * least 95%); time-to-steady counts from the process start.
 */
final class WarmStartReport {

    static final int FINAL_ROUNDS = 4;
    static final double STEADY = 0.95;
    /** Reports answered this long after the process start: the readiness delay and the ramp in one number. */
    static final int EARLY_SECONDS = 60;

    private final List<FreshStart.Config> configs;
    private final List<FreshStart.Outcome> outcomes;
    private final int roundSeconds;
    private final int concurrency;

    WarmStartReport(List<FreshStart.Config> configs, List<FreshStart.Outcome> outcomes, int roundSeconds,
                    int concurrency) {
        this.configs = configs;
        this.outcomes = outcomes;
        this.roundSeconds = roundSeconds;
        this.concurrency = concurrency;
    }

    String markdown() {
        Markdown md = new Markdown();
        int rounds = outcomes.get(0).roundsPerSecond().size();
        md.append("# Warm start: time to steady throughput\n\n")
                .append("Written by `bench/warm-start` at ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .append(" on ").append(String.valueOf(Runtime.getRuntime().availableProcessors())).append(" cores, ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(". Reported, never asserted.\n\n")
                .append("Each start is a fresh `java -jar` on the benchmark database (embedded PostgreSQL, cache and rollups off). ")
                .append("*ready*: `/health/readiness` first answers UP; *first answer*: the first report answered after it; ")
                .append("then ").append(String.valueOf(rounds)).append(" rounds of ").append(String.valueOf(roundSeconds))
                .append(" s under constant load at concurrency ").append(String.valueOf(concurrency))
                .append(" (the benchmark's warm-up mix: every single-account shape and the small report over 100 accounts). ")
                .append("*final*: the median of the last ").append(String.valueOf(FINAL_ROUNDS)).append(" rounds; ")
                .append("*steady*: the end of the first round that, with the next one, reaches 95% of final, in seconds since the process start; ")
                .append("*first ").append(String.valueOf(EARLY_SECONDS)).append(" s*: reports answered in the first ")
                .append(String.valueOf(EARLY_SECONDS)).append(" s after the process start. JIT and CPU seconds are the server's own ")
                .append("(all threads) when it was ready; *CDS classes*: classes loaded from a class data sharing archive by then. ")
                .append("Medians over the starts; the load average (1 min) before each start shows how busy the machine was.\n\n");
        md.row("configuration", "starts", "ready s", "first answer s", "startup ms", "warm-up ms", "CPU s at ready",
                "JIT s at ready", "CDS classes", "round 1 /s", "first " + EARLY_SECONDS + " s", "final /s", "steady s",
                "load avg");
        md.row("---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---");
        for (FreshStart.Config config : configs) {
            List<FreshStart.Outcome> mine = outcomes.stream().filter(o -> o.config().equals(config.name())).toList();
            md.row("**" + config.name() + "** (" + config.description() + ")", String.valueOf(mine.size()),
                    median(mine, FreshStart.Outcome::readySeconds), median(mine, FreshStart.Outcome::firstAnswerSeconds),
                    median(mine, FreshStart.Outcome::startupMillis), median(mine, FreshStart.Outcome::warmupMillis),
                    median(mine, o -> o.atReady().cpuSeconds()), median(mine, o -> o.atReady().compileSeconds()),
                    median(mine, o -> o.atReady().sharedClasses()), median(mine, o -> o.roundsPerSecond().get(0)),
                    median(mine, this::early), median(mine, WarmStartReport::finalRate), median(mine, this::steady),
                    String.join(", ", mine.stream().map(FreshStart.Outcome::loadAverage).toList()));
        }
        md.append("\n## Reports/s by round\n\nMedian over the starts of each round (").append(String.valueOf(roundSeconds))
                .append(" s each, the first beginning at the first answer).\n\n```\n");
        for (FreshStart.Config config : configs) {
            List<FreshStart.Outcome> mine = outcomes.stream().filter(o -> o.config().equals(config.name())).toList();
            List<String> cells = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                int round = r;
                cells.add(median(mine, o -> o.roundsPerSecond().get(round)));
            }
            md.append(String.format(Locale.ROOT, "%-8s %s%n", config.name(), String.join(" ", cells)));
        }
        md.append("```\n\n## Every start\n\n");
        md.row("configuration", "load avg", "ready s", "first answer s", "warm-up ms", "JIT s at ready / end",
                "classes (CDS) at ready", "final /s", "steady s", "errors");
        md.row("---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:");
        for (FreshStart.Outcome o : outcomes) {
            md.row(o.config(), o.loadAverage(), Markdown.num(o.readySeconds()), Markdown.num(o.firstAnswerSeconds()),
                    Markdown.num(o.warmupMillis()), Markdown.num(o.atReady().compileSeconds()) + " / "
                            + Markdown.num(o.atEnd().compileSeconds()),
                    o.atReady().loadedClasses() + " (" + o.atReady().sharedClasses() + ")", Markdown.num(finalRate(o)),
                    Markdown.num(steady(o)), String.valueOf(o.errors()));
        }
        return md.toString();
    }

    static double finalRate(FreshStart.Outcome o) {
        List<Double> rounds = o.roundsPerSecond();
        return median(rounds.subList(Math.max(0, rounds.size() - FINAL_ROUNDS), rounds.size()).stream()
                .mapToDouble(d -> d).toArray());
    }

    /** Seconds since the process start at the end of the first round that, with the next, is at 95% of final. */
    double steady(FreshStart.Outcome o) {
        List<Double> rounds = o.roundsPerSecond();
        double threshold = STEADY * finalRate(o);
        for (int r = 0; r + 1 < rounds.size(); r++) {
            if (rounds.get(r) >= threshold && rounds.get(r + 1) >= threshold) {
                return o.loadStartSeconds() + (r + 1) * roundSeconds;
            }
        }
        return Double.NaN;
    }

    /** Reports answered in the first {@value #EARLY_SECONDS} s since the process start (a round cut in proportion). */
    double early(FreshStart.Outcome o) {
        double reports = 0;
        List<Double> rounds = o.roundsPerSecond();
        for (int r = 0; r < rounds.size(); r++) {
            double from = o.loadStartSeconds() + r * roundSeconds;
            reports += rounds.get(r) * Math.max(0, Math.min(roundSeconds, EARLY_SECONDS - from));
        }
        return reports;
    }

    private static String median(List<FreshStart.Outcome> outcomes, ToDoubleFunction<FreshStart.Outcome> value) {
        return Markdown.num(median(outcomes.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).toArray()));
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
