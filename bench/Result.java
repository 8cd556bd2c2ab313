package bench;

import java.util.Map;

/**
 * One measured path of one shape. Latencies in milliseconds; rows per call (the mean); the
 * server's planning time as its answers reported it (meta.planMillis). Written as JSON for Report.
 */
record Result(String path, int concurrency, long requests, long errors, String firstError, double seconds,
              double p50Ms, double p95Ms, double p99Ms, double maxMs, double perSecond, long rows,
              Double serverPlanP50Ms, Map<String, Long> cache) {
}
