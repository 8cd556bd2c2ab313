package bench;

import static bench.Markdown.grouped;
import static bench.Markdown.num;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's end-to-end sections from EndToEnd's two phases: the shapes with the cache off (API vs
 * direct SQL), single-account reports per second, and the single-account shapes with the cache on;
 * the API-vs-direct and throughput targets. Without a cache-on phase (the Citus run), the first two,
 * with more columns in the API-vs-direct table and a line under the throughput table.
 */
final class EndToEndSection {

    /** What a report adds to the API-vs-direct table (a column per header, cells per shape) and under the throughput. */
    interface Extra {
        default List<String> headers() {
            return List.of();
        }

        default List<String> cells(JsonNode shape) {
            return List.of();
        }

        default String throughputNote(JsonNode throughput) {
            return "";
        }
    }

    private static final Extra NONE = new Extra() {
    };

    private final Markdown md;
    private final Targets targets;
    private final Extra extra;

    private EndToEndSection(Markdown md, Targets targets, Extra extra) {
        this.md = md;
        this.targets = targets;
        this.extra = extra;
    }

    static void write(Markdown md, Targets targets, JsonNode uncached, JsonNode cached) {
        EndToEndSection section = new EndToEndSection(md, targets, NONE);
        section.shapes(uncached, cached);
        section.throughput(uncached);
        section.cached(uncached, cached);
    }

    /** The cache-off sections only, with {@code extra}'s columns and note. */
    static void writeUncached(Markdown md, Targets targets, JsonNode uncached, Extra extra) {
        EndToEndSection section = new EndToEndSection(md, targets, extra);
        section.shapes(uncached, null);
        section.throughput(uncached);
    }

    private void shapes(JsonNode uncached, JsonNode cached) {
        JsonNode settings = uncached.path("settings");
        md.append("## End to end, cache off (`QUARRY_CACHE_TTL=0s`)\n\n");
        md.append(String.format(Locale.ROOT, "After each server start, unmeasured single-account traffic in rounds"
                        + " until its throughput is steady (JIT warm-up; at most %d s). Then each shape through the API"
                        + " and, in the same run, the same planned SQL"
                        + " over JDBC (checked identical through `POST /explain`), at concurrency %d for %d s after %d s"
                        + " of warm-up; the CSV export at concurrency 1, measured runs: %d, after one warm-up run."
                        + " Latencies in ms; rows per call; server plan p50 is the API's own `meta.planMillis`."
                        + " Client, server and PostgreSQL share the machine.%n%n",
                settings.path("serverWarmupSeconds").asInt(), settings.path("concurrency").asInt(),
                settings.path("seconds").asInt(), settings.path("warmupSeconds").asInt(),
                settings.path("exportRuns").asInt()));
        warmup("cache off", uncached.path("serverWarmup"));
        if (cached != null) {
            warmup("cache on", cached.path("serverWarmup"));
        }
        md.append(uncached.has("demoTokenAccounts")
                        ? "Tokens: the server's printed demo token reads accounts " + uncached.path("demoTokenAccounts").asText()
                                + "; the benchmark mints its own (HS256, the embedded mode's secret)"
                        : "Tokens: the server printed no demo token; the benchmark mints its own (HS256, the server's secret)")
                .append(": per shape and worker with the shape's accounts, and one per account for the throughput run.\n\n");
        md.append("| shape | path | conc. | requests | errors | p50 | p95 | p99 | max | req/s | rows | server plan p50 |\n")
                .append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (JsonNode shape : uncached.path("shapes")) {
            resultRow(shape.path("title").asText(), shape.path("api"));
            resultRow("", shape.path("direct"));
        }
        md.append("\n| shape | SQL identical | direct p50 | API p50 | API / direct | added | target | |");
        extra.headers().forEach(h -> md.append(" ").append(h).append(" |"));
        md.append("\n| --- | --- | ---: | ---: | ---: | ---: | --- | --- |");
        extra.headers().forEach(h -> md.append(" --- |"));
        md.append("\n");
        for (JsonNode shape : uncached.path("shapes")) {
            comparison(shape);
        }
        JsonNode export = ReportInputs.find(uncached.path("shapes"), "key", "csv-export");
        if (!export.isMissingNode()) {
            JsonNode api = export.path("api");
            JsonNode direct = export.path("direct");
            md.append(String.format(Locale.ROOT, "%nThe CSV export streams %s rows: %s rows/s through the API,"
                            + " %s rows/s read directly.%n", grouped(api.path("rows").asLong()),
                    grouped(Math.round(api.path("rows").asDouble() / (api.path("p50Ms").asDouble() / 1000))),
                    grouped(Math.round(direct.path("rows").asDouble() / (direct.path("p50Ms").asDouble() / 1000)))));
        }
    }

    private void throughput(JsonNode uncached) {
        JsonNode throughput = uncached.path("throughput");
        JsonNode api = throughput.path("api");
        JsonNode direct = throughput.path("direct");
        int concurrency = uncached.path("settings").path("throughputConcurrency").asInt();
        md.append("\n## Single-account reports per second, cache off\n\n");
        md.append(String.format(Locale.ROOT, "`%s`, cycling over accounts %s, at concurrency %d.%n%n",
                throughput.path("report").asText(), throughput.path("accounts").asText(), concurrency));
        md.append("| path | conc. | requests | errors | p50 | p95 | p99 | max | reports/s | rows | server plan p50 |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        resultCells(api);
        resultCells(direct);
        md.append(String.format(Locale.ROOT, "%nAPI / direct throughput: %.2f; SQL identical: %s.%s%n",
                api.path("perSecond").asDouble() / direct.path("perSecond").asDouble(),
                throughput.path("sqlIdentical").asText(), extra.throughputNote(throughput)));
        targets.add("single-account reports/s, cache off (API, concurrency " + concurrency + ")",
                ">= " + grouped((long) Targets.THROUGHPUT_TARGET) + "/s",
                num(api.path("perSecond").asDouble()) + "/s (direct SQL " + num(direct.path("perSecond").asDouble()) + "/s)",
                api.path("perSecond").asDouble() >= Targets.THROUGHPUT_TARGET);
    }

    private void cached(JsonNode uncached, JsonNode cached) {
        md.append("\n## Cache on (default TTL), single-account shapes\n\n");
        md.append("The same shapes after a restart with the result cache on; `cache` counts the server's hits and misses"
                + " during the measurement (Prometheus `quarry_report_cache_total`).\n\n");
        md.append("| shape | conc. | requests | errors | p50 | p95 | p99 | max | req/s | cache | p50 cache off |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |\n");
        for (JsonNode shape : cached.path("shapes")) {
            JsonNode off = ReportInputs.find(uncached.path("shapes"), "key", shape.path("key").asText()).path("api");
            cachedRow(shape.path("title").asText(), shape.path("api"), off);
        }
        cachedRow(cached.path("throughput").path("title").asText(), cached.path("throughput").path("api"),
                uncached.path("throughput").path("api"));
        md.append('\n');
    }

    private void warmup(String phase, JsonNode warmup) {
        StringBuilder rounds = new StringBuilder();
        warmup.path("roundsPerSecond").forEach(r -> rounds.append(rounds.isEmpty() ? "" : " → ").append(num(r.asDouble())));
        md.append(String.format(Locale.ROOT, "Server warm-up, %s: reports/s per round of up to %d s: %s (%s).%n%n", phase,
                warmup.path("roundSeconds").asInt(), rounds, warmup.path("steady").asBoolean()
                        ? "steady" : "**not steady** after " + warmup.path("maxSeconds").asInt() + " s"));
    }

    private void resultRow(String title, JsonNode r) {
        md.append("| ").append(title).append(" ");
        resultCells(r);
    }

    private void resultCells(JsonNode r) {
        md.row(r.path("path").asText(), r.path("concurrency").asText(), r.path("requests").asText(),
                errors(r), num(r.path("p50Ms").asDouble()), num(r.path("p95Ms").asDouble()),
                num(r.path("p99Ms").asDouble()), num(r.path("maxMs").asDouble()), num(r.path("perSecond").asDouble()),
                grouped(r.path("rows").asLong()),
                r.path("serverPlanP50Ms").isNumber() ? num(r.path("serverPlanP50Ms").asDouble()) : "-");
    }

    private void cachedRow(String title, JsonNode r, JsonNode off) {
        StringBuilder cache = new StringBuilder();
        r.path("cache").properties().forEach(e -> cache.append(cache.isEmpty() ? "" : ", ")
                .append(e.getKey()).append(' ').append(e.getValue().asLong()));
        md.row(title, r.path("concurrency").asText(), r.path("requests").asText(), errors(r),
                num(r.path("p50Ms").asDouble()), num(r.path("p95Ms").asDouble()), num(r.path("p99Ms").asDouble()),
                num(r.path("maxMs").asDouble()), num(r.path("perSecond").asDouble()), cache.toString(),
                num(off.path("p50Ms").asDouble()));
    }

    private static String errors(JsonNode r) {
        long errors = r.path("errors").asLong();
        return errors == 0 ? "0" : errors + " (" + r.path("firstError").asText().replace('|', '/') + ")";
    }

    private void comparison(JsonNode shape) {
        double api = shape.path("api").path("p50Ms").asDouble();
        double direct = shape.path("direct").path("p50Ms").asDouble();
        double ratio = api / direct;
        double added = api - direct;
        boolean large = direct > Targets.SMALL_REPORT_MILLIS;
        String target = large
                ? "ratio <= " + num(Targets.RATIO_TARGET) : "added <= " + num(Targets.ADDED_TARGET_MILLIS) + " ms";
        boolean met = large ? ratio <= Targets.RATIO_TARGET : added <= Targets.ADDED_TARGET_MILLIS;
        List<String> cells = new ArrayList<>(List.of(shape.path("title").asText(), shape.path("sqlIdentical").asText(),
                num(direct), num(api), String.format(Locale.ROOT, "%.2f", ratio),
                String.format(Locale.ROOT, "%+.2f ms", added), target, met ? "met" : "missed"));
        cells.addAll(extra.cells(shape));
        md.row(cells.toArray(String[]::new));
        targets.add("API vs direct SQL, median: " + shape.path("title").asText(), target,
                String.format(Locale.ROOT, "%.2f (%+.2f ms; direct %s ms)", ratio, added, num(direct)), met);
    }
}
