package bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Small reports of every single-account kind through the API, unmeasured, right after the server
 * started, in rounds of {@value #ROUND_SECONDS} s until a round's throughput is within 5% of the
 * round before (or the most seconds allowed have passed): on two busy cores a fresh server compiles
 * (JIT) for minutes before it reaches its steady state.
 */
final class ServerWarmup {

    static final int ROUND_SECONDS = 10;

    private ServerWarmup() {
    }

    /** Warms the server up for {@code maxSeconds} at most; the rounds' reports per second, for the report. */
    static Map<String, Object> run(ApiClient client, Tokens tokens, PhaseRunner runner, int maxSeconds, int concurrency)
            throws Exception {
        List<String[]> calls = new ArrayList<>();
        for (Shape shape : Shape.all()) {
            if (shape.singleAccount()) {
                calls.add(new String[] {shape.report(), tokens.token("bench-warmup-" + shape.key(), shape.accounts())});
            }
        }
        for (long account : Shape.THROUGHPUT_ACCOUNTS) {
            calls.add(new String[] {Shape.SMALL_REPORT, tokens.token("bench-warmup-" + account, Set.of(account))});
        }
        AtomicLong next = new AtomicLong();
        List<Double> rounds = new ArrayList<>();
        long errors = 0;
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        boolean steady = false;
        while (!steady && System.nanoTime() < deadline) {
            long seconds = Math.max(1, Math.min(ROUND_SECONDS, (deadline - System.nanoTime()) / 1_000_000_000L));
            Result round = runner.measure("server warm-up round " + (rounds.size() + 1) + " (unmeasured)", "api",
                    concurrency, new PhaseRunner.Limits(0, seconds, 0), worker -> iteration -> {
                        String[] call = calls.get((int) (next.getAndIncrement() % calls.size()));
                        return client.call("/api/v1/reports/query", "application/json", call[0], call[1]);
                    });
            errors += round.errors();
            rounds.add(round.perSecond());
            int n = rounds.size();
            steady = n >= 2 && Math.abs(rounds.get(n - 1) - rounds.get(n - 2)) <= 0.05 * rounds.get(n - 2);
        }
        Map<String, Object> warmup = new LinkedHashMap<>();
        warmup.put("maxSeconds", maxSeconds);
        warmup.put("roundSeconds", ROUND_SECONDS);
        warmup.put("roundsPerSecond", rounds);
        warmup.put("steady", steady);
        warmup.put("errors", errors);
        return warmup;
    }
}
