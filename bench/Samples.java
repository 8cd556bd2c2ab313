package bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One worker thread's samples of one phase, and the percentiles of a phase's samples. */
final class Samples {
    private long[] nanos = new long[1024];
    private int count;
    private long errors;
    private long rows;
    private String firstError;
    private final List<Double> plans = new ArrayList<>();

    void add(long elapsed, Sample sample) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsed;
        rows += sample.rows();
        if (!Double.isNaN(sample.planMillis())) {
            plans.add(sample.planMillis());
        }
    }

    /** Counts a failed call; false once there were too many to go on. */
    boolean addError(Exception e) {
        if (errors++ == 0) {
            firstError = e.toString();
        }
        return errors <= 1_000;
    }

    /** The phase's latency percentiles, rate, mean rows and median server planning time. */
    static Result result(String path, int concurrency, List<Samples> phase, double elapsed, Map<String, Long> cache) {
        long[] nanos = phase.stream().flatMapToLong(s -> Arrays.stream(s.nanos, 0, s.count)).sorted().toArray();
        long errors = phase.stream().mapToLong(s -> s.errors).sum();
        String firstError = phase.stream().map(s -> s.firstError).filter(e -> e != null).findFirst().orElse(null);
        long rows = nanos.length == 0 ? -1 : Math.round(phase.stream().mapToLong(s -> s.rows).sum() / (double) nanos.length);
        double[] plans = phase.stream().flatMap(s -> s.plans.stream()).mapToDouble(Double::doubleValue).sorted().toArray();
        return new Result(path, concurrency, nanos.length, errors, firstError, round(elapsed), pct(nanos, 0.50),
                pct(nanos, 0.95), pct(nanos, 0.99), pct(nanos, 1.0), round(nanos.length / elapsed), rows,
                plans.length == 0 ? null : round(plans[(plans.length - 1) / 2]), cache.isEmpty() ? null : cache);
    }

    /** The {@code p} percentile (nearest rank) of sorted nanoseconds, in milliseconds. */
    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return round(sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1))] / 1e6);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
