import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.quarry.planner.model.ModelLoader;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.plan.Planner;
import io.quarry.planner.sql.JdbcBinder;
import io.quarry.ql.ReportParser;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * End-to-end benchmark: each report shape through the running Quarry API and, in the same run,
 * the same planned SQL directly over JDBC, at a fixed concurrency; then single-account reports
 * for many accounts at a saturating concurrency (reports per second). Writes JSON for
 * bench/Report.java. Run by bench/run; results are reported, never asserted.
 *
 * <pre>
 * java -cp api/target/quarry-api-all.jar bench/EndToEnd.java --base http://127.0.0.1:18080
 *     --jdbc jdbc:postgresql://127.0.0.1:25439/postgres --secret-file bench/.data/db/jwt-secret
 *     [--data-dir bench/.data/db/pg]
 *     --phase uncached|cached --out e2e.json [--concurrency 4] [--throughput-concurrency 8]
 *     [--seconds 10] [--warmup 3] [--server-warmup 150] [--export-runs 3] [--demo-token TOKEN] [--only KEY,...]
 * </pre>
 *
 * Tokens are minted here with the embedded mode's HS256 secret: one per worker and shape (so
 * the per-caller concurrency limit never throttles the benchmark itself), and one per account
 * for the throughput run, whose reports carry no ACCOUNTS clause (each tenant reads its own).
 */
public class EndToEnd {

    static final String END = "2026-10-31";

    /** A report shape: {@code accounts} is what the token may read and what the direct plan is for. */
    record Shape(String key, String title, String endpoint, String accept, String report, Set<Long> accounts) {
        boolean export() {
            return accept.equals("text/csv");
        }
    }

    /** What one call returned: its rows and, for JSON answers, the server's planning time. */
    record Sample(long rows, double planMillis) {
    }

    /**
     * One measured path of one shape. Latencies in milliseconds; rows per call (the mean); the
     * server's planning time as its answers reported it (meta.planMillis).
     */
    record Result(String path, int concurrency, long requests, long errors, String firstError, double seconds,
                  double p50Ms, double p95Ms, double p99Ms, double maxMs, double perSecond, long rows,
                  Double serverPlanP50Ms, Map<String, Long> cache) {
    }

    record ShapeResult(String key, String title, String endpoint, String accept, String report, int accounts,
                       Boolean sqlIdentical, Result api, Result direct) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String phase = required(options, "phase");
        boolean cached = phase.equals("cached");
        if (!cached && !phase.equals("uncached")) {
            throw new IllegalArgumentException("--phase is uncached or cached, not " + phase);
        }
        EndToEnd bench = new EndToEnd(required(options, "base"), required(options, "jdbc"),
                Files.readString(Path.of(required(options, "secret-file")), StandardCharsets.UTF_8).strip(),
                Integer.parseInt(options.getOrDefault("seconds", "10")),
                Integer.parseInt(options.getOrDefault("warmup", "3")));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "4"));
        int throughputConcurrency = Integer.parseInt(options.getOrDefault("throughput-concurrency", "8"));
        int exportRuns = Integer.parseInt(options.getOrDefault("export-runs", "3"));

        int serverWarmup = Integer.parseInt(options.getOrDefault("server-warmup", "150"));

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("phase", phase);
        out.put("settings", Map.of("concurrency", concurrency, "throughputConcurrency", throughputConcurrency,
                "seconds", bench.seconds, "warmupSeconds", bench.warmup, "exportRuns", exportRuns,
                "serverWarmupSeconds", serverWarmup));
        out.put("serverWarmup", bench.warmUpServer(serverWarmup, throughputConcurrency));
        // Another PostgreSQL on the port would answer in place of ours (and hold other data).
        if (options.containsKey("data-dir")) {
            bench.requireDataDirectory(Path.of(options.get("data-dir")));
        }
        if (!cached) {
            out.put("database", bench.database());
            if (options.containsKey("demo-token")) {
                out.put("demoTokenAccounts", demoTokenAccounts(options.get("demo-token")));
            }
        }
        // --only KEY,KEY: some shapes (their keys) and/or "throughput", for development.
        List<String> only = options.containsKey("only") ? List.of(options.get("only").split(",")) : null;
        List<ShapeResult> shapes = new ArrayList<>();
        for (Shape shape : shapes()) {
            if (cached && !shape.key().startsWith("single") || only != null && !only.contains(shape.key())) {
                continue;
            }
            shapes.add(bench.shape(shape, shape.export() ? 1 : concurrency, exportRuns, !cached));
        }
        out.put("shapes", shapes);
        if (only == null || only.contains("throughput")) {
            out.put("throughput", bench.throughput(throughputConcurrency, !cached));
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(Path.of(required(options, "out")), json.writeValueAsString(out));
    }

    /** The report shapes of issue 7, at the data's fixed end date (bench/run loads up to {@value #END}). */
    static List<Shape> shapes() {
        Set<Long> fifty = accounts(1, 50);
        Set<Long> export = accounts(1, EXPORT_ACCOUNTS);
        return List.of(
                new Shape("single-30d-by-campaign", "(a) one account, 30 days, by campaign", "/api/v1/reports/query",
                        "application/json", "DIMENSIONS campaign.name METRICS impressions, clicks, spend, ctr, cpc"
                        + " WHERE date BETWEEN DATE '2026-10-02' AND DATE '" + END + "' ACCOUNTS (7)", Set.of(7L)),
                new Shape("single-90d-by-day", "(b) one account, 90 days, by day", "/api/v1/reports/query",
                        "application/json", "DIMENSIONS date.day METRICS impressions, clicks, spend, conversions, roas"
                        + " WHERE date BETWEEN DATE '2026-08-03' AND DATE '" + END + "' ACCOUNTS (7)", Set.of(7L)),
                new Shape("pivot-50-accounts", "(c) 50 accounts, pivot month x campaign status, totals",
                        "/api/v1/reports/pivot", "application/json",
                        "DIMENSIONS campaign.status, date.month METRICS spend, clicks, ctr"
                        + " WHERE date BETWEEN DATE '2026-05-01' AND DATE '" + END + "' PIVOT BY date.month"
                        + " ACCOUNTS (" + list(fifty) + ")", fifty),
                new Shape("csv-export", "(d) CSV export, ad x day, accounts 1-" + EXPORT_ACCOUNTS + ", 365 days",
                        "/api/v1/reports/query", "text/csv",
                        "FROM ad_stats DIMENSIONS ad.id, date.day METRICS impressions, clicks, spend"
                        + " WHERE date BETWEEN DATE '2025-11-01' AND DATE '" + END + "' ACCOUNTS (" + list(export) + ")",
                        export));
    }

    /** Accounts 1..8 hold 1,111,640 (ad, day) rows in the benchmark preset (1..7: 1,006,894). */
    static final int EXPORT_ACCOUNTS = 8;

    /** The throughput report: a small dashboard tile, last 7 days by campaign, for the token's one account. */
    static final String SMALL_REPORT = "DIMENSIONS campaign.name METRICS impressions, clicks, spend, ctr"
            + " WHERE date BETWEEN DATE '2026-10-25' AND DATE '" + END + "'";

    /** Every tenth account: 100 accounts spread over the whole size distribution (1 is the largest). */
    static final List<Long> THROUGHPUT_ACCOUNTS = LongStream.iterate(1, id -> id <= 1000, id -> id + 10).boxed().toList();

    private final String base;
    private final String jdbc;
    private final MACSigner signer;
    private final int seconds;
    private final int warmup;
    private final Planner planner = new Planner(ModelLoader.defaultModel(), Clock.systemUTC());

    static {
        // Keep-alive connections per destination (default 5): at least one per worker.
        System.setProperty("http.maxConnections", "64");
    }
    private final ObjectMapper mapper = new ObjectMapper();

    EndToEnd(String base, String jdbc, String secret, int seconds, int warmup) throws Exception {
        this.base = base;
        this.jdbc = jdbc;
        this.signer = new MACSigner(secret.getBytes(StandardCharsets.UTF_8));
        this.seconds = seconds;
        this.warmup = warmup;
    }

    // ---------------------------------------------------------------- shapes

    ShapeResult shape(Shape shape, int concurrency, int exportRuns, boolean withDirect) throws Exception {
        PlannedQuery query = planner.plan(new ReportParser().parseText(shape.report()), shape.accounts(), Map.of());
        String bench = "bench-" + shape.key();
        Boolean identical = withDirect ? sameSql(shape, token(bench + "-explain", shape.accounts()), query) : null;
        Limits limits = shape.export() ? new Limits(0, Math.max(3L * seconds, 30), exportRuns) : new Limits(warmup, seconds, 0);
        Result api = measure(shape.title(), "api", concurrency, limits, worker -> {
            String token = token(bench + "-w" + worker, shape.accounts());
            return iteration -> call(shape.endpoint(), shape.accept(), shape.report(), token);
        });
        Result direct = withDirect ? measure(shape.title(), "direct", concurrency, limits, worker -> {
            Connection connection = connect();
            return closing(connection, iteration -> runDirect(connection, query));
        }) : null;
        return new ShapeResult(shape.key(), shape.title(), shape.endpoint(), shape.accept(), shape.report(),
                shape.accounts().size(), identical, api, direct);
    }

    /** Single-account reports for 100 different accounts, each with its own token, at a saturating concurrency. */
    Map<String, Object> throughput(int concurrency, boolean withDirect) throws Exception {
        List<String> tokens = new ArrayList<>();
        List<PlannedQuery> queries = new ArrayList<>();
        for (long account : THROUGHPUT_ACCOUNTS) {
            tokens.add(token("tenant-" + account, Set.of(account)));
            queries.add(planner.plan(new ReportParser().parseText(SMALL_REPORT), Set.of(account), Map.of()));
        }
        Boolean identical = withDirect ? sameSql(new Shape("throughput", "", "/api/v1/reports/query",
                "application/json", SMALL_REPORT, Set.of(THROUGHPUT_ACCOUNTS.get(50))), tokens.get(50), queries.get(50))
                : null;
        AtomicLong next = new AtomicLong();
        Limits limits = new Limits(warmup, seconds, 0);
        String title = "single-account reports, " + THROUGHPUT_ACCOUNTS.size() + " accounts";
        Result api = measure(title, "api", concurrency, limits, worker -> iteration -> call("/api/v1/reports/query",
                "application/json", SMALL_REPORT, tokens.get((int) (next.getAndIncrement() % tokens.size()))));
        Result direct = withDirect ? measure(title, "direct", concurrency, limits, worker -> {
            Connection connection = connect();
            return closing(connection, iteration -> runDirect(connection,
                    queries.get((int) (next.getAndIncrement() % queries.size()))));
        }) : null;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("title", title);
        result.put("report", SMALL_REPORT);
        result.put("accounts", "1, 11, 21, ..., 991 (every tenth; one token per account)");
        result.put("sqlIdentical", identical);
        result.put("api", api);
        result.put("direct", direct);
        return result;
    }

    /**
     * Small reports of every single-account kind through the API, unmeasured, right after the server
     * started, in rounds of {@value #WARMUP_ROUND_SECONDS} s until a round's throughput is within 5% of
     * the round before (or {@code maxSeconds} have passed): on two busy cores a fresh server compiles
     * (JIT) for minutes before it reaches its steady state.
     */
    Map<String, Object> warmUpServer(int maxSeconds, int concurrency) throws Exception {
        List<Shape> small = shapes().stream().filter(shape -> shape.key().startsWith("single")).toList();
        List<String[]> calls = new ArrayList<>();
        for (Shape shape : small) {
            calls.add(new String[] {shape.report(), token("bench-warmup-" + shape.key(), shape.accounts())});
        }
        for (long account : THROUGHPUT_ACCOUNTS) {
            calls.add(new String[] {SMALL_REPORT, token("bench-warmup-" + account, Set.of(account))});
        }
        AtomicLong next = new AtomicLong();
        List<Double> rounds = new ArrayList<>();
        long errors = 0;
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        boolean steady = false;
        while (!steady && System.nanoTime() < deadline) {
            long seconds = Math.max(1, Math.min(WARMUP_ROUND_SECONDS, (deadline - System.nanoTime()) / 1_000_000_000L));
            Result round = measure("server warm-up round " + (rounds.size() + 1) + " (unmeasured)", "api", concurrency,
                    new Limits(0, seconds, 0), worker -> iteration -> {
                        String[] call = calls.get((int) (next.getAndIncrement() % calls.size()));
                        return call("/api/v1/reports/query", "application/json", call[0], call[1]);
                    });
            errors += round.errors();
            rounds.add(round.perSecond());
            int n = rounds.size();
            steady = n >= 2 && Math.abs(rounds.get(n - 1) - rounds.get(n - 2)) <= 0.05 * rounds.get(n - 2);
        }
        Map<String, Object> warmup = new LinkedHashMap<>();
        warmup.put("maxSeconds", maxSeconds);
        warmup.put("roundSeconds", WARMUP_ROUND_SECONDS);
        warmup.put("roundsPerSecond", rounds);
        warmup.put("steady", steady);
        warmup.put("errors", errors);
        return warmup;
    }

    static final int WARMUP_ROUND_SECONDS = 10;

    /** Whether the API plans {@code shape} into exactly the SQL the direct path runs (POST /explain). */
    Boolean sameSql(Shape shape, String token, PlannedQuery query) throws Exception {
        String body = text(post("/api/v1/reports/explain", "application/json", shape.report(), token));
        boolean same = mapper.readTree(body).path("sql").asText().equals(query.sql().sql());
        if (!same) {
            System.err.println("WARNING: the API's SQL for " + shape.key() + " differs from the direct path's");
        }
        return same;
    }

    // ---------------------------------------------------------------- calls

    /**
     * One report through the API. HttpURLConnection (blocking, keep-alive) rather than the JDK's
     * HttpClient: it costs the shared two cores far less CPU per request, so the client disturbs
     * the server it measures less.
     */
    Sample call(String endpoint, String accept, String report, String token) throws Exception {
        HttpURLConnection connection = post(endpoint, accept, report, token);
        try (InputStream body = connection.getInputStream()) {
            if (accept.equals("text/csv")) {
                return new Sample(countLines(body) - 1, Double.NaN);
            }
            return meta(new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** A POSTed report whose answer is 200, ready to read; anything else throws with the problem's body. */
    HttpURLConnection post(String endpoint, String accept, String report, String token) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(base + endpoint).toURL().openConnection();
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(120_000);
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Authorization", "Bearer " + token);
        connection.setRequestProperty("Content-Type", "text/plain");
        connection.setRequestProperty("Accept", accept);
        byte[] body = report.getBytes(StandardCharsets.UTF_8);
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        if (status != 200) {
            try (InputStream error = connection.getErrorStream()) {
                throw new IllegalStateException(status + ": "
                        + (error == null ? "" : new String(error.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return connection;
    }

    static String text(HttpURLConnection connection) throws Exception {
        try (InputStream body = connection.getInputStream()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static final Pattern ROWS = Pattern.compile("\"(?:rowCount|totalRows)\"\\s*:\\s*(\\d+)");
    private static final Pattern PLAN = Pattern.compile("\"planMillis\"\\s*:\\s*([0-9.eE+-]+)");

    /** Rows and planning time from the answer's meta (the last member), without parsing the whole body. */
    static Sample meta(String body) {
        String tail = body.substring(Math.max(0, body.lastIndexOf("\"meta\"")));
        Matcher rows = ROWS.matcher(tail);
        Matcher plan = PLAN.matcher(tail);
        return new Sample(rows.find() ? Long.parseLong(rows.group(1)) : -1,
                plan.find() ? Double.parseDouble(plan.group(1)) : Double.NaN);
    }

    static long countLines(InputStream in) throws Exception {
        byte[] buffer = new byte[1 << 16];
        long lines = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }
        return lines;
    }

    Connection connect() throws Exception {
        return DriverManager.getConnection(jdbc, "postgres", "");
    }

    /** The planned SQL in a transaction, every value read, rolled back: what the API does, minus the API. */
    static Sample runDirect(Connection connection, PlannedQuery query) throws Exception {
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
            return new Sample(rows, Double.NaN);
        } finally {
            connection.rollback();
        }
    }

    String token(String subject, Set<Long> accounts) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .subject(subject).issuer("quarry-bench").claim("accounts", new ArrayList<>(new TreeSet<>(accounts)))
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(2)))).build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    /** The accounts the server's printed demo token may read, as "first..last (n accounts)". */
    static String demoTokenAccounts(String token) throws Exception {
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        List<Long> ids = new ArrayList<>();
        claims.path("accounts").forEach(id -> ids.add(id.asLong()));
        return ids.isEmpty() ? "none" : ids.get(0) + ".." + ids.get(ids.size() - 1) + " (" + ids.size() + " accounts)";
    }

    // ---------------------------------------------------------------- database facts

    void requireDataDirectory(Path expected) throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_setting('data_directory')")) {
            rs.next();
            Path actual = Path.of(rs.getString(1));
            if (!Files.isSameFile(actual, expected)) {
                throw new IllegalStateException(jdbc + " serves " + actual + ", not the benchmark's " + expected);
            }
        }
    }

    Map<String, Object> database() throws Exception {
        Map<String, Object> facts = new LinkedHashMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT current_setting('server_version'), version()")) {
                rs.next();
                facts.put("serverVersion", rs.getString(1));
                facts.put("version", rs.getString(2));
            }
            try (ResultSet rs = statement.executeQuery("""
                    SELECT count(*), sum(n), max(n), min(n), percentile_disc(0.5) WITHIN GROUP (ORDER BY n),
                           sum(n) FILTER (WHERE account_id <= 10), sum(n) FILTER (WHERE account_id <= 100),
                           max(n) FILTER (WHERE account_id = 7)
                    FROM (SELECT account_id, count(*) AS n FROM ad_stats_daily GROUP BY account_id) per_account""")) {
                rs.next();
                facts.put("accountsWithFacts", rs.getLong(1));
                facts.put("factRows", rs.getLong(2));
                facts.put("factRowsLargestAccount", rs.getLong(3));
                facts.put("factRowsSmallestAccount", rs.getLong(4));
                facts.put("factRowsMedianAccount", rs.getLong(5));
                facts.put("factRowsTop10Share", rs.getDouble(6) / rs.getDouble(2));
                facts.put("factRowsTop100Share", rs.getDouble(7) / rs.getDouble(2));
                facts.put("factRowsAccount7", rs.getLong(8));
            }
            try (ResultSet rs = statement.executeQuery("SELECT (SELECT count(*) FROM accounts),"
                    + " (SELECT count(*) FROM events), (SELECT min(day) FROM ad_stats_daily), (SELECT max(day) FROM ad_stats_daily)")) {
                rs.next();
                facts.put("accounts", rs.getLong(1));
                facts.put("eventRows", rs.getLong(2));
                facts.put("firstDay", rs.getString(3));
                facts.put("lastDay", rs.getString(4));
            }
        }
        return facts;
    }

    // ---------------------------------------------------------------- measuring

    /** How a measurement runs: warm-up seconds, then measured seconds or, if maxRequests > 0, that many calls. */
    record Limits(int warmupSeconds, long seconds, int maxRequests) {
    }

    interface Call {
        Sample run(long iteration) throws Exception;
    }

    /** A worker's own state (a connection, a token) behind its calls. */
    interface Worker extends Call, AutoCloseable {
        @Override
        default void close() throws Exception {
        }
    }

    interface Workers {
        Call open(int worker) throws Exception;
    }

    static Worker closing(AutoCloseable resource, Call call) {
        return new Worker() {
            @Override
            public Sample run(long iteration) throws Exception {
                return call.run(iteration);
            }

            @Override
            public void close() throws Exception {
                resource.close();
            }
        };
    }

    /** Per-thread samples of one phase. */
    static final class Samples {
        long[] nanos = new long[1024];
        int count;
        long errors;
        long rows;
        String firstError;
        List<Double> plans = new ArrayList<>();

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
    }

    Result measure(String title, String path, int concurrency, Limits limits, Workers workers) throws Exception {
        System.err.printf(Locale.ROOT, "  %-55s %-6s c=%d ...%n", title, path, concurrency);
        List<Call> calls = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            for (int w = 0; w < concurrency; w++) {
                calls.add(workers.open(w));
            }
            Map<String, Long> cacheBefore = cacheCounts();
            // Warm-up: at least one call per worker, then until the warm-up time is over.
            runPhase(pool, calls, System.nanoTime() + limits.warmupSeconds() * 1_000_000_000L, 1, Integer.MAX_VALUE);
            Map<String, Long> cacheWarm = cacheCounts();
            long started = System.nanoTime();
            List<Samples> phase = runPhase(pool, calls, started + limits.seconds() * 1_000_000_000L, 0,
                    limits.maxRequests() > 0 ? limits.maxRequests() : Integer.MAX_VALUE);
            double elapsed = (System.nanoTime() - started) / 1e9;
            Map<String, Long> cache = cacheDelta(cacheWarm, cacheCounts());
            Result result = result(path, concurrency, phase, elapsed, cache);
            System.err.printf(Locale.ROOT, "  %-55s %-6s c=%d n=%d err=%d p50=%.2f p95=%.2f p99=%.2f ms %.1f/s rows=%d%s%n",
                    title, path, concurrency, result.requests(), result.errors(), result.p50Ms(), result.p95Ms(),
                    result.p99Ms(), result.perSecond(), result.rows(), cacheBefore.isEmpty() ? "" : " cache=" + cache);
            return result;
        } finally {
            pool.shutdownNow();
            for (Call call : calls) {
                if (call instanceof Worker worker) {
                    worker.close();
                }
            }
        }
    }

    /** Runs every worker until the deadline (and at least {@code minCalls} each), {@code maxCalls} at most in all. */
    static List<Samples> runPhase(ExecutorService pool, List<Call> calls, long deadline, int minCalls, int maxCalls)
            throws Exception {
        AtomicLong started = new AtomicLong();
        List<Future<Samples>> futures = new ArrayList<>();
        for (Call call : calls) {
            futures.add(pool.submit(() -> {
                Samples samples = new Samples();
                for (long i = 0; (i < minCalls || System.nanoTime() < deadline) && started.getAndIncrement() < maxCalls; i++) {
                    long t0 = System.nanoTime();
                    try {
                        Sample sample = call.run(i);
                        samples.add(System.nanoTime() - t0, sample);
                    } catch (Exception e) {
                        if (samples.errors++ == 0) {
                            samples.firstError = e.toString();
                        }
                        if (samples.errors > 1_000) {
                            break;
                        }
                    }
                }
                return samples;
            }));
        }
        List<Samples> all = new ArrayList<>();
        for (Future<Samples> future : futures) {
            all.add(future.get());
        }
        return all;
    }

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

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return round(sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1))] / 1e6);
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static final Pattern CACHE = Pattern.compile("^quarry_report_cache_total\\{[^}]*result=\"(\\w+)\"[^}]*}\\s+([0-9.eE+]+)",
            Pattern.MULTILINE);

    /** The server's cache hits and misses so far (Prometheus), or nothing when it does not count them. */
    Map<String, Long> cacheCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try {
            Matcher m = CACHE.matcher(text((HttpURLConnection) URI.create(base + "/prometheus").toURL().openConnection()));
            while (m.find()) {
                counts.put(m.group(1), (long) Double.parseDouble(m.group(2)));
            }
        } catch (Exception e) {
            // metrics are optional for the benchmark
        }
        return counts;
    }

    static Map<String, Long> cacheDelta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new LinkedHashMap<>();
        after.forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0L)));
        return delta;
    }

    // ---------------------------------------------------------------- helpers

    static Set<Long> accounts(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().collect(Collectors.toCollection(TreeSet::new));
    }

    static String list(Set<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
