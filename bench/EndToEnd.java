import io.quarry.planner.model.ModelLoader;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.plan.Planner;
import io.quarry.planner.sql.JdbcBinder;
import io.quarry.ql.ReportParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * End-to-end benchmark: each report shape through the running Quarry API and, in the same run,
 * the same planned SQL directly over JDBC, at a fixed concurrency. Prints a markdown table and
 * writes JSON. Run by bench/run; results are reported, never asserted.
 *
 * java -cp api/target/quarry-api-all.jar bench/EndToEnd.java BASE_URL JDBC_URL TOKEN CONCURRENCY SECONDS OUT_JSON
 */
public class EndToEnd {

    record Shape(String name, String endpoint, String accept, String report, Set<Long> accounts) {
    }

    record Result(String shape, String path, int requests, double p50, double p95, double p99, double perSecond,
                  long rows) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbc = args[1];
        String token = args[2];
        int concurrency = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        Path out = Path.of(args[5]);
        Set<Long> fifty = LongStream.rangeClosed(1, 50).boxed().collect(Collectors.toCollection(LinkedHashSet::new));
        String fiftyList = fifty.stream().map(String::valueOf).collect(Collectors.joining(", "));
        List<Shape> shapes = List.of(
                new Shape("one account, 30 days, by campaign", "/api/v1/reports/query", "application/json",
                        "DIMENSIONS campaign.name METRICS impressions, clicks, spend, ctr, cpc"
                        + " WHERE date BETWEEN DATE '2026-10-02' AND DATE '2026-10-31' ACCOUNTS (7)", Set.of(7L)),
                new Shape("one account, 90 days, by day", "/api/v1/reports/query", "application/json",
                        "DIMENSIONS date.day METRICS impressions, clicks, spend, conversions, roas"
                        + " WHERE date BETWEEN DATE '2026-08-03' AND DATE '2026-10-31' ACCOUNTS (7)", Set.of(7L)),
                new Shape("50 accounts, pivot by month x status, totals", "/api/v1/reports/pivot", "application/json",
                        "DIMENSIONS campaign.status, date.month METRICS spend, clicks, ctr"
                        + " WHERE date BETWEEN DATE '2026-05-01' AND DATE '2026-10-31' PIVOT BY date.month"
                        + " ACCOUNTS (" + fiftyList + ")", fifty),
                new Shape("CSV export, ~1M rows", "/api/v1/reports/query", "text/csv",
                        "FROM ad_stats DIMENSIONS ad.id, date.day METRICS impressions, clicks, spend"
                        + " WHERE date BETWEEN DATE '2025-11-01' AND DATE '2026-10-31' ACCOUNTS (1, 2, 3, 4)",
                        Set.of(1L, 2L, 3L, 4L)));
        Planner planner = new Planner(ModelLoader.defaultModel(), Clock.systemUTC());
        HttpClient http = HttpClient.newBuilder().build();
        List<Result> results = new ArrayList<>();
        for (Shape shape : shapes) {
            boolean export = shape.accept().equals("text/csv");
            int c = export ? 1 : concurrency;
            int s = export ? Math.max(seconds, 20) : seconds;
            results.add(measure(shape.name(), "api", c, s, () -> {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + shape.endpoint()))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "text/plain")
                        .header("Accept", shape.accept()).POST(HttpRequest.BodyPublishers.ofString(shape.report()))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(response.statusCode() + ": " + response.body());
                }
                return export ? response.body().lines().count() - 1 : 1;
            }));
            PlannedQuery query = planner.plan(new ReportParser().parseText(shape.report()), shape.accounts(), Map.of());
            ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
                try {
                    return DriverManager.getConnection(jdbc, "postgres", "");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            results.add(measure(shape.name(), "direct", c, s, () -> {
                Connection connection = connections.get();
                connection.setAutoCommit(false);
                try (PreparedStatement statement = connection.prepareStatement(query.sql().sql())) {
                    statement.setFetchSize(1_000);
                    JdbcBinder.bind(statement, query.sql().binds());
                    long rows = 0;
                    try (ResultSet rs = statement.executeQuery()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= columns; i++) {
                                rs.getObject(i);
                            }
                            rows++;
                        }
                    }
                    return rows;
                } finally {
                    connection.rollback();
                }
            }));
        }
        StringBuilder md = new StringBuilder("| shape | path | requests | p50 ms | p95 ms | p99 ms | req/s | rows |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %.2f | %.2f | %.1f | %d |%n", r.shape(),
                    r.path(), r.requests(), r.p50(), r.p95(), r.p99(), r.perSecond(), r.rows()));
            json.append(String.format(Locale.ROOT, "  {\"shape\": \"%s\", \"path\": \"%s\", \"requests\": %d, \"p50_ms\": %.3f,"
                    + " \"p95_ms\": %.3f, \"p99_ms\": %.3f, \"per_second\": %.2f, \"rows\": %d}%s%n", r.shape(), r.path(),
                    r.requests(), r.p50(), r.p95(), r.p99(), r.perSecond(), r.rows(), i + 1 < results.size() ? "," : ""));
        }
        md.append("\n| shape | API / direct median |\n| --- | --- |\n");
        for (int i = 0; i + 1 < results.size(); i += 2) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f (%+.2f ms) |%n", results.get(i).shape(),
                    results.get(i).p50() / results.get(i + 1).p50(), results.get(i).p50() - results.get(i + 1).p50()));
        }
        System.out.print(md);
        Files.writeString(out, json.append("]\n").toString());
        Files.writeString(Path.of(out.toString().replace(".json", ".md")), md.toString());
    }

    interface Call {
        long run() throws Exception;
    }

    static Result measure(String shape, String path, int concurrency, int seconds, Call call) throws Exception {
        for (int i = 0; i < 3; i++) {
            call.run();
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<List<long[]>>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            futures.add(pool.submit(() -> {
                List<long[]> samples = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    long rows = call.run();
                    samples.add(new long[] {System.nanoTime() - t0, rows});
                }
                return samples;
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<List<long[]>> f : futures) {
            all.addAll(f.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] nanos = all.stream().mapToLong(a -> a[0]).sorted().toArray();
        long rows = all.isEmpty() ? 0 : all.get(0)[1];
        return new Result(shape, path, nanos.length, pct(nanos, 0.50), pct(nanos, 0.95), pct(nanos, 0.99),
                nanos.length / elapsed, rows);
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
