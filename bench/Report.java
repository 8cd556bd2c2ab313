import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the benchmark report (markdown and JSON) from one bench/run's raw results: meta.properties,
 * steps.tsv, jmh-*.json, load.log, e2e-uncached.json, e2e-cached.json. Reports; never asserts.
 *
 * java -cp api/target/quarry-api-all.jar bench/Report.java RUN_DIR OUT_PREFIX
 */
public class Report {

    static final double PLAN_TARGET_MICROS = 100;
    static final double RATIO_TARGET = 1.10;
    static final double SMALL_REPORT_MILLIS = 10;
    static final double ADDED_TARGET_MILLIS = 1;
    static final double THROUGHPUT_TARGET = 1_000;
    static final double LOAD_TARGET = 250_000;

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final Path dir;
    private final StringBuilder md = new StringBuilder();
    private final ArrayNode targets = JsonNodeFactory.instance.arrayNode();

    Report(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path prefix = Path.of(args[1]);
        Report report = new Report(dir);
        ObjectNode json = report.build();
        Files.writeString(Path.of(prefix + ".json"), report.mapper.writeValueAsString(json));
        Files.writeString(Path.of(prefix + ".md"), report.md.toString());
        System.out.print(report.md);
    }

    ObjectNode build() throws IOException {
        Properties meta = new Properties();
        meta.load(new StringReader(Files.readString(dir.resolve("meta.properties"))));
        JsonNode uncached = read("e2e-uncached.json");
        JsonNode cached = read("e2e-cached.json");
        ObjectNode json = nodes.objectNode();

        ObjectNode run = json.putObject("run");
        meta.stringPropertyNames().stream().sorted().forEach(k -> run.put(k, meta.getProperty(k)));
        ObjectNode steps = run.putObject("stepSeconds");
        for (String line : Files.readAllLines(dir.resolve("steps.tsv"))) {
            String[] parts = line.split("\t");
            steps.put(parts[0], Long.parseLong(parts[1]));
        }
        ObjectNode machine = machine(uncached);
        json.set("machine", machine);
        ArrayNode jmh = jmh();
        json.set("jmh", jmh);
        ObjectNode load = load(steps);
        json.set("load", load);
        json.set("dataset", uncached.path("database"));
        ObjectNode e2e = json.putObject("endToEnd");
        e2e.set("settings", uncached.path("settings"));
        e2e.set("uncached", uncached);
        e2e.set("cached", cached);
        json.set("targets", targets);

        md.append("# Quarry benchmark ").append(meta.getProperty("stamp")).append("\n\n");
        md.append(String.format(Locale.ROOT, "Mode `%s`, wall time %s s (until this report; the servers are stopped"
                        + " before it), commit `%s`%s. Results are reported, never asserted. Load average %s at the"
                        + " start, %s at the end (other work on the machine makes the figures noisy).%n%n",
                meta.getProperty("mode"), meta.getProperty("wallSeconds"),
                meta.getProperty("commit").substring(0, Math.min(12, meta.getProperty("commit").length())),
                "true".equals(meta.getProperty("dirty")) ? " with uncommitted changes" : "",
                meta.getProperty("loadavgStart"), meta.getProperty("loadavgEnd")));
        machineSection(machine);
        int targetsAt = md.length();
        jmhSection(jmh);
        loadSection(load, uncached.path("database"));
        endToEndSection(uncached, cached);
        stepsSection(steps);
        md.insert(targetsAt, targetsSection());
        return json;
    }

    private JsonNode read(String name) throws IOException {
        return mapper.readTree(dir.resolve(name).toFile());
    }

    // ---------------------------------------------------------------- machine

    ObjectNode machine(JsonNode uncached) {
        ObjectNode machine = nodes.objectNode();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", firstMatch("/proc/cpuinfo", "(?m)^model name\\s*:\\s*(.+)$", "unknown"));
        String memKb = firstMatch("/proc/meminfo", "(?m)^MemTotal:\\s*(\\d+) kB", null);
        machine.put("memoryGiB", memKb == null ? null : Math.round(Long.parseLong(memKb) / 1024.0 / 1024.0));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + firstMatch("/etc/os-release", "(?m)^PRETTY_NAME=\"?([^\"\\n]+)", "")
                        .transform(s -> s.isEmpty() ? "" : " (" + s + ")"));
        machine.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + ")");
        machine.put("jvmArguments", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        machine.put("postgresql", uncached.path("database").path("version").asText("unknown"));
        return machine;
    }

    void machineSection(ObjectNode machine) {
        md.append("## Machine\n\n| | |\n| --- | --- |\n");
        row("cores", machine.path("cores").asText());
        row("CPU", machine.path("cpu").asText());
        row("memory", machine.path("memoryGiB").asText() + " GiB");
        row("OS", machine.path("os").asText());
        row("JVM", machine.path("jvm").asText());
        row("PostgreSQL", machine.path("postgresql").asText() + " (embedded, same machine)");
        md.append('\n');
    }

    private void row(String... cells) {
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String firstMatch(String file, String regex, String otherwise) {
        try {
            Matcher m = Pattern.compile(regex).matcher(Files.readString(Path.of(file)));
            return m.find() ? m.group(1).trim() : otherwise;
        } catch (IOException e) {
            return otherwise;
        }
    }

    // ---------------------------------------------------------------- JMH

    ArrayNode jmh() throws IOException {
        ArrayNode all = nodes.arrayNode();
        for (String module : List.of("query-language", "planner")) {
            for (JsonNode b : read("jmh-" + module + ".json")) {
                JsonNode metric = b.path("primaryMetric");
                ObjectNode row = all.addObject();
                String name = b.path("benchmark").asText();
                row.put("module", module);
                row.put("benchmark", name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1));
                row.put("mode", b.path("mode").asText());
                row.put("forks", b.path("forks").asInt());
                row.put("unit", metric.path("scoreUnit").asText());
                row.put("p50", metric.path("scorePercentiles").path("50.0").asDouble());
                row.put("p99", metric.path("scorePercentiles").path("99.0").asDouble());
                row.put("mean", metric.path("score").asDouble());
                row.put("meanError", metric.path("scoreError").asDouble());
            }
        }
        return all;
    }

    void jmhSection(ArrayNode jmh) {
        md.append("## Parsing and planning (JMH, sample time)\n\n")
                .append("| benchmark | median | p99 | mean | unit |\n| --- | ---: | ---: | ---: | --- |\n");
        for (JsonNode b : jmh) {
            row(b.path("benchmark").asText(), num(b.path("p50").asDouble()), num(b.path("p99").asDouble()),
                    num(b.path("mean").asDouble()) + " ± " + num(b.path("meanError").asDouble()), b.path("unit").asText());
        }
        JsonNode plan = find(jmh, "PlanBenchmark.planTypicalReport");
        if (plan != null) {
            double micros = micros(plan.path("p50").asDouble(), plan.path("unit").asText());
            target("planning a typical report (plan + render), median", "< " + num(PLAN_TARGET_MICROS) + " µs",
                    num(micros) + " µs", micros < PLAN_TARGET_MICROS);
        }
        md.append("\nJMH options: `").append(readMeta("jmhOptions")).append("`, `-Xms512m -Xmx512m` per fork.\n\n");
    }

    private String readMeta(String key) {
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(dir.resolve("meta.properties"))));
            return p.getProperty(key, "");
        } catch (IOException e) {
            return "";
        }
    }

    private static JsonNode find(ArrayNode jmh, String benchmark) {
        for (JsonNode b : jmh) {
            if (b.path("benchmark").asText().equals(benchmark)) {
                return b;
            }
        }
        return null;
    }

    private static double micros(double value, String unit) {
        return switch (unit) {
            case "ns/op" -> value / 1000;
            case "ms/op" -> value * 1000;
            case "s/op" -> value * 1_000_000;
            default -> value;
        };
    }

    // ---------------------------------------------------------------- load

    private static final Pattern TABLE_ROWS = Pattern.compile("(?m)^  (\\w+)\\s+([\\d,]+) rows$");
    private static final Pattern TOTAL = Pattern.compile(
            "(?m)^  total ([\\d,]+) rows in ([\\d.]+) s \\(COPY ([\\d.]+) s, ([\\d,]+) rows/s\\)$");
    private static final Pattern SPEC = Pattern.compile("(?m)^Loaded (seed=.+)$");
    private static final Pattern CONNECTIONS = Pattern.compile("through COPY on (\\d+) connections");

    ObjectNode load(ObjectNode steps) throws IOException {
        String log = Files.readString(dir.resolve("load.log"));
        ObjectNode load = nodes.objectNode();
        Matcher spec = SPEC.matcher(log);
        load.put("spec", spec.find() ? spec.group(1) : null);
        ObjectNode rows = load.putObject("rows");
        for (Matcher m = TABLE_ROWS.matcher(log); m.find(); ) {
            rows.put(m.group(1), number(m.group(2)));
        }
        Matcher total = TOTAL.matcher(log);
        if (total.find()) {
            long totalRows = number(total.group(1));
            double seconds = Double.parseDouble(total.group(2));
            load.put("totalRows", totalRows);
            load.put("seconds", seconds);
            load.put("copySeconds", Double.parseDouble(total.group(3)));
            load.put("copyRowsPerSecond", number(total.group(4)));
            load.put("rowsPerSecond", Math.round(totalRows / seconds));
        }
        Matcher connections = CONNECTIONS.matcher(log);
        if (connections.find()) {
            load.put("connections", Integer.parseInt(connections.group(1)));
        }
        if (steps.has("load")) {
            load.put("commandWallSeconds", steps.path("load").asLong());
        } else {
            load.put("reused", true);
        }
        return load;
    }

    private static long number(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }

    void loadSection(ObjectNode load, JsonNode data) {
        md.append("## Data load (`LoadDemoData --preset benchmark --end-date 2026-10-31`)\n\n");
        if (load.path("reused").asBoolean()) {
            md.append("**Reused** an already loaded database (`--quick`): the figures are from its load.\n\n");
        }
        md.append("Spec: `").append(load.path("spec").asText()).append("`\n\n| table | rows |\n| --- | ---: |\n");
        load.path("rows").properties().forEach(e -> row(e.getKey(), grouped(e.getValue().asLong())));
        row("**total**", grouped(load.path("totalRows").asLong()));
        md.append(String.format(Locale.ROOT, "%nLoad: %s s in all (partitions, COPY on %d connections, commit, ANALYZE):"
                        + " **%s rows/s**; COPY alone %s s, %s rows/s (the loader's own figure). %s%n%n",
                num(load.path("seconds").asDouble()), load.path("connections").asInt(),
                grouped(load.path("rowsPerSecond").asLong()), num(load.path("copySeconds").asDouble()),
                grouped(load.path("copyRowsPerSecond").asLong()), load.has("commandWallSeconds")
                        ? "The command took " + load.path("commandWallSeconds").asText() + " s (JVM start, initdb,"
                                + " migrations included)." : ""));
        if (data.has("factRows")) {
            md.append(String.format(Locale.ROOT, "Skew (fact rows per account): largest (account 1) %s, median %s,"
                            + " smallest %s; the 10 largest accounts hold %.1f%%, the 100 largest %.1f%%; account 7 (the"
                            + " single-account shapes) %s; %s accounts, %s fact rows from %s to %s.%n%n",
                    grouped(data.path("factRowsLargestAccount").asLong()), grouped(data.path("factRowsMedianAccount").asLong()),
                    grouped(data.path("factRowsSmallestAccount").asLong()), 100 * data.path("factRowsTop10Share").asDouble(),
                    100 * data.path("factRowsTop100Share").asDouble(), grouped(data.path("factRowsAccount7").asLong()),
                    grouped(data.path("accounts").asLong()), grouped(data.path("factRows").asLong()),
                    data.path("firstDay").asText(), data.path("lastDay").asText()));
        }
        double rate = load.path("rowsPerSecond").asDouble();
        target("load, all rows / load seconds", ">= " + grouped((long) LOAD_TARGET) + " rows/s",
                grouped((long) rate) + " rows/s (COPY alone " + grouped(load.path("copyRowsPerSecond").asLong()) + ")",
                rate >= LOAD_TARGET);
    }

    // ---------------------------------------------------------------- end to end

    void endToEndSection(JsonNode uncached, JsonNode cached) {
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
        warmup("cache on", cached.path("serverWarmup"));
        md.append("Tokens: the server's printed demo token reads accounts ")
                .append(uncached.path("demoTokenAccounts").asText("(none printed)"))
                .append("; the benchmark mints its own (HS256, the embedded mode's secret): per shape and worker with"
                        + " the shape's accounts, and one per account for the throughput run.\n\n");
        md.append("| shape | path | conc. | requests | errors | p50 | p95 | p99 | max | req/s | rows | server plan p50 |\n")
                .append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (JsonNode shape : uncached.path("shapes")) {
            resultRow(shape.path("title").asText(), shape.path("api"));
            resultRow("", shape.path("direct"));
        }
        md.append("\n| shape | SQL identical | direct p50 | API p50 | API / direct | added | target | |\n")
                .append("| --- | --- | ---: | ---: | ---: | ---: | --- | --- |\n");
        for (JsonNode shape : uncached.path("shapes")) {
            comparison(shape);
        }
        for (JsonNode shape : uncached.path("shapes")) {
            if (shape.path("key").asText().equals("csv-export")) {
                JsonNode api = shape.path("api");
                JsonNode direct = shape.path("direct");
                md.append(String.format(Locale.ROOT, "%nThe CSV export streams %s rows: %s rows/s through the API,"
                                + " %s rows/s read directly.%n", grouped(api.path("rows").asLong()),
                        grouped(Math.round(api.path("rows").asDouble() / (api.path("p50Ms").asDouble() / 1000))),
                        grouped(Math.round(direct.path("rows").asDouble() / (direct.path("p50Ms").asDouble() / 1000)))));
            }
        }

        JsonNode throughput = uncached.path("throughput");
        JsonNode api = throughput.path("api");
        JsonNode direct = throughput.path("direct");
        md.append("\n## Single-account reports per second, cache off\n\n");
        md.append(String.format(Locale.ROOT, "`%s`, cycling over accounts %s, at concurrency %d.%n%n",
                throughput.path("report").asText(), throughput.path("accounts").asText(),
                settings.path("throughputConcurrency").asInt()));
        md.append("| path | conc. | requests | errors | p50 | p95 | p99 | max | reports/s | rows | server plan p50 |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        resultCells(api);
        resultCells(direct);
        md.append(String.format(Locale.ROOT, "%nAPI / direct throughput: %.2f; SQL identical: %s.%n",
                api.path("perSecond").asDouble() / direct.path("perSecond").asDouble(),
                throughput.path("sqlIdentical").asText()));
        target("single-account reports/s, cache off (API, concurrency " + settings.path("throughputConcurrency").asInt()
                        + ")", ">= " + grouped((long) THROUGHPUT_TARGET) + "/s",
                num(api.path("perSecond").asDouble()) + "/s (direct SQL " + num(direct.path("perSecond").asDouble()) + "/s)",
                api.path("perSecond").asDouble() >= THROUGHPUT_TARGET);

        md.append("\n## Cache on (default TTL), single-account shapes\n\n");
        md.append("The same shapes after a restart with the result cache on; `cache` counts the server's hits and misses"
                + " during the measurement (Prometheus `quarry_report_cache_total`).\n\n");
        md.append("| shape | conc. | requests | errors | p50 | p95 | p99 | max | req/s | cache | p50 cache off |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |\n");
        for (JsonNode shape : cached.path("shapes")) {
            cachedRow(shape.path("title").asText(), shape.path("api"), uncachedApi(uncached, shape.path("key").asText()));
        }
        cachedRow(cached.path("throughput").path("title").asText(), cached.path("throughput").path("api"), api);
        md.append('\n');
    }

    private void warmup(String phase, JsonNode warmup) {
        StringBuilder rounds = new StringBuilder();
        warmup.path("roundsPerSecond").forEach(r -> rounds.append(rounds.isEmpty() ? "" : " → ").append(num(r.asDouble())));
        md.append(String.format(Locale.ROOT, "Server warm-up, %s: reports/s per round of up to %d s: %s (%s).%n%n", phase,
                warmup.path("roundSeconds").asInt(), rounds, warmup.path("steady").asBoolean()
                        ? "steady" : "**not steady** after " + warmup.path("maxSeconds").asInt() + " s"));
    }

    private static JsonNode uncachedApi(JsonNode uncached, String key) {
        for (JsonNode shape : uncached.path("shapes")) {
            if (shape.path("key").asText().equals(key)) {
                return shape.path("api");
            }
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private void resultRow(String title, JsonNode r) {
        md.append("| ").append(title).append(" ");
        resultCells(r);
    }

    private void resultCells(JsonNode r) {
        row(r.path("path").asText(), r.path("concurrency").asText(), r.path("requests").asText(),
                errors(r), num(r.path("p50Ms").asDouble()), num(r.path("p95Ms").asDouble()),
                num(r.path("p99Ms").asDouble()), num(r.path("maxMs").asDouble()), num(r.path("perSecond").asDouble()),
                grouped(r.path("rows").asLong()),
                r.path("serverPlanP50Ms").isNumber() ? num(r.path("serverPlanP50Ms").asDouble()) : "-");
    }

    private void cachedRow(String title, JsonNode r, JsonNode off) {
        StringBuilder cache = new StringBuilder();
        r.path("cache").properties().forEach(e -> cache.append(cache.isEmpty() ? "" : ", ")
                .append(e.getKey()).append(' ').append(e.getValue().asLong()));
        row(title, r.path("concurrency").asText(), r.path("requests").asText(), errors(r),
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
        boolean large = direct > SMALL_REPORT_MILLIS;
        String target = large ? "ratio <= " + num(RATIO_TARGET) : "added <= " + num(ADDED_TARGET_MILLIS) + " ms";
        boolean met = large ? ratio <= RATIO_TARGET : added <= ADDED_TARGET_MILLIS;
        row(shape.path("title").asText(), shape.path("sqlIdentical").asText(), num(direct), num(api),
                String.format(Locale.ROOT, "%.2f", ratio), String.format(Locale.ROOT, "%+.2f ms", added), target,
                met ? "met" : "missed");
        target("API vs direct SQL, median: " + shape.path("title").asText(), target,
                String.format(Locale.ROOT, "%.2f (%+.2f ms; direct %s ms)", ratio, added, num(direct)), met);
    }

    // ---------------------------------------------------------------- targets, steps

    void target(String what, String target, String measured, boolean met) {
        ObjectNode t = targets.addObject();
        t.put("target", what);
        t.put("goal", target);
        t.put("measured", measured);
        t.put("met", met);
    }

    String targetsSection() {
        StringBuilder s = new StringBuilder("## Targets\n\n| what | target | measured | |\n| --- | --- | --- | --- |\n");
        for (JsonNode t : targets) {
            s.append("| ").append(t.path("target").asText()).append(" | ").append(t.path("goal").asText()).append(" | ")
                    .append(t.path("measured").asText()).append(" | ")
                    .append(t.path("met").asBoolean() ? "met" : "**missed**").append(" |\n");
        }
        return s.append('\n').toString();
    }

    void stepsSection(ObjectNode steps) {
        md.append("## Steps (wall seconds)\n\n| step | s |\n| --- | ---: |\n");
        for (Map.Entry<String, JsonNode> e : steps.properties()) {
            row(e.getKey(), e.getValue().asText());
        }
        md.append('\n');
    }

    static String num(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }

    static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
