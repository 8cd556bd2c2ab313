package bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarry.planner.plan.PlannedQuery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end benchmark: each report shape through the running Quarry API and, in the same run,
 * the same planned SQL directly over JDBC, at a fixed concurrency; then single-account reports
 * for many accounts at a saturating concurrency (reports per second). Writes JSON for
 * bench/Report.java. Run by bench/run (which compiles bench/*.java); results are reported, never asserted.
 *
 * <pre>
 * java -cp bench/.data/classes:api/target/quarry-api-all.jar bench.EndToEnd --base http://127.0.0.1:18080
 *     --jdbc jdbc:postgresql://127.0.0.1:25439/postgres [--jdbc-user postgres] --secret-file bench/.data/db/pg/quarry/jwt-secret
 *     [--data-dir bench/.data/db/pg]
 *     --phase uncached|cached --out e2e.json [--concurrency 4] [--throughput-concurrency 8]
 *     [--seconds 10] [--warmup 3] [--server-warmup 150] [--export-runs 3] [--demo-token TOKEN] [--only KEY,...]
 * </pre>
 *
 * The direct path's password, if any, is DATASOURCES_DEFAULT_PASSWORD's (the server's). Each shape's
 * database plan (router or multi-shard on Citus, with its task counts) is read from POST /explain.
 *
 * Tokens are minted here with the server's HS256 secret: one per worker and shape (so
 * the per-caller concurrency limit never throttles the benchmark itself), and one per account
 * for the throughput run, whose reports carry no ACCOUNTS clause (each tenant reads its own).
 */
public class EndToEnd {

    record ShapeResult(String key, String title, String endpoint, String accept, String report, int accounts,
                       Boolean sqlIdentical, CitusPlan databasePlan, Result api, Result direct) {
    }

    /** What POST /explain says of a report: whether its SQL is the direct path's, and the database's plan. */
    record Explained(boolean sqlIdentical, CitusPlan plan) {
    }

    private final ApiClient client;
    private final DirectJdbc jdbc;
    private final Tokens tokens;
    private final PhaseRunner runner;
    private final Planning planning = new Planning();
    private final int seconds;
    private final int warmup;

    EndToEnd(String base, DirectJdbc jdbc, String secret, int seconds, int warmup) throws Exception {
        this.client = new ApiClient(base);
        this.jdbc = jdbc;
        this.tokens = new Tokens(secret);
        this.runner = new PhaseRunner(client);
        this.seconds = seconds;
        this.warmup = warmup;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String phase = options.required("phase");
        boolean cached = phase.equals("cached");
        if (!cached && !phase.equals("uncached")) {
            throw new IllegalArgumentException("--phase is uncached or cached, not " + phase);
        }
        DirectJdbc jdbc = new DirectJdbc(options.required("jdbc"), options.has("jdbc-user") ? options.get("jdbc-user")
                : "postgres", System.getenv().getOrDefault("DATASOURCES_DEFAULT_PASSWORD", ""));
        EndToEnd bench = new EndToEnd(options.required("base"), jdbc,
                Files.readString(Path.of(options.required("secret-file")), StandardCharsets.UTF_8).strip(),
                options.integer("seconds", 10), options.integer("warmup", 3));
        int concurrency = options.integer("concurrency", 4);
        int throughputConcurrency = options.integer("throughput-concurrency", 8);
        int exportRuns = options.integer("export-runs", 3);
        int serverWarmup = options.integer("server-warmup", 150);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("phase", phase);
        out.put("settings", Map.of("concurrency", concurrency, "throughputConcurrency", throughputConcurrency,
                "seconds", bench.seconds, "warmupSeconds", bench.warmup, "exportRuns", exportRuns,
                "serverWarmupSeconds", serverWarmup));
        out.put("serverWarmup",
                ServerWarmup.run(bench.client, bench.tokens, bench.runner, serverWarmup, throughputConcurrency));
        // Another PostgreSQL on the port would answer in place of ours (and hold other data).
        if (options.has("data-dir")) {
            DatabaseFacts.requireDataDirectory(bench.jdbc, Path.of(options.get("data-dir")));
        }
        if (!cached) {
            out.put("database", DatabaseFacts.of(bench.jdbc));
            if (options.has("demo-token")) {
                out.put("demoTokenAccounts", Tokens.demoTokenAccounts(options.get("demo-token")));
            }
        }
        // --only KEY,KEY: some shapes (their keys) and/or "throughput", for development.
        List<String> only = options.has("only") ? List.of(options.get("only").split(",")) : null;
        List<ShapeResult> shapes = new ArrayList<>();
        for (Shape shape : Shape.all()) {
            if (cached && !shape.singleAccount() || only != null && !only.contains(shape.key())) {
                continue;
            }
            shapes.add(bench.shape(shape, shape.export() ? 1 : concurrency, exportRuns, !cached));
        }
        out.put("shapes", shapes);
        if (only == null || only.contains("throughput")) {
            out.put("throughput", bench.throughput(throughputConcurrency, !cached));
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(Path.of(options.required("out")), json.writeValueAsString(out));
    }

    /** One shape through the API and, {@code withDirect}, its planned SQL over JDBC. */
    ShapeResult shape(Shape shape, int concurrency, int exportRuns, boolean withDirect) throws Exception {
        PlannedQuery query = planning.plan(shape.report(), shape.accounts());
        String bench = "bench-" + shape.key();
        Explained explained = withDirect
                ? explain(shape.key(), shape.report(), tokens.token(bench + "-explain", shape.accounts()), query) : null;
        PhaseRunner.Limits limits = shape.export()
                ? new PhaseRunner.Limits(0, Math.max(3L * seconds, 30), exportRuns)
                : new PhaseRunner.Limits(warmup, seconds, 0);
        Result api = runner.measure(shape.title(), "api", concurrency, limits, worker -> {
            String token = tokens.token(bench + "-w" + worker, shape.accounts());
            return iteration -> client.call(shape.endpoint(), shape.accept(), shape.report(), token);
        });
        Result direct = withDirect
                ? runner.measure(shape.title(), "direct", concurrency, limits, jdbc.workers(() -> query)) : null;
        return new ShapeResult(shape.key(), shape.title(), shape.endpoint(), shape.accept(), shape.report(),
                shape.accounts().size(), explained == null ? null : explained.sqlIdentical(),
                explained == null ? null : explained.plan(), api, direct);
    }

    /** Single-account reports for 100 different accounts, each with its own token, at a saturating concurrency. */
    Map<String, Object> throughput(int concurrency, boolean withDirect) throws Exception {
        List<String> accountTokens = new ArrayList<>();
        List<PlannedQuery> queries = new ArrayList<>();
        for (long account : Shape.THROUGHPUT_ACCOUNTS) {
            accountTokens.add(tokens.token("tenant-" + account, Set.of(account)));
            queries.add(planning.plan(Shape.SMALL_REPORT, Set.of(account)));
        }
        Explained explained = withDirect
                ? explain("throughput", Shape.SMALL_REPORT, accountTokens.get(50), queries.get(50)) : null;
        AtomicLong next = new AtomicLong();
        PhaseRunner.Limits limits = new PhaseRunner.Limits(warmup, seconds, 0);
        String title = "single-account reports, " + Shape.THROUGHPUT_ACCOUNTS.size() + " accounts";
        Result api = runner.measure(title, "api", concurrency, limits, worker -> iteration -> client.call(
                "/api/v1/reports/query", "application/json", Shape.SMALL_REPORT,
                accountTokens.get((int) (next.getAndIncrement() % accountTokens.size()))));
        Result direct = withDirect ? runner.measure(title, "direct", concurrency, limits,
                jdbc.workers(() -> queries.get((int) (next.getAndIncrement() % queries.size())))) : null;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("title", title);
        result.put("report", Shape.SMALL_REPORT);
        result.put("accounts", "1, 11, 21, ..., 991 (every tenth; one token per account)");
        result.put("sqlIdentical", explained == null ? null : explained.sqlIdentical());
        result.put("databasePlan", explained == null ? null : explained.plan());
        result.put("api", api);
        result.put("direct", direct);
        return result;
    }

    /** Whether the API plans {@code report} into exactly the SQL the direct path runs, and how the database plans it. */
    private Explained explain(String key, String report, String token, PlannedQuery query) throws Exception {
        JsonNode explain = client.explain(report, token);
        boolean same = explain.path("sql").asText().equals(query.sql().sql());
        if (!same) {
            System.err.println("WARNING: the API's SQL for " + key + " differs from the direct path's");
        }
        List<String> plan = new ArrayList<>();
        explain.path("databasePlan").forEach(line -> plan.add(line.asText()));
        return new Explained(same, CitusPlan.of(plan));
    }
}
