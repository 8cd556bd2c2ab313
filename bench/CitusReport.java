package bench;

import static bench.Markdown.num;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Writes the Citus benchmark's report (markdown and JSON) from one bench/run-citus run's raw results
 * (meta.properties, steps.tsv, load.log, e2e-uncached.json), beside the PostgreSQL run of bench/run:
 * the same end-to-end tables, each shape with the PostgreSQL medians, its plan on Citus (router or
 * multi-shard) and the Task Count of each Citus Adaptive scan. Reports; never asserts.
 *
 * java -cp bench/.data/classes:api/target/quarry-api-all.jar bench.CitusReport RUN_DIR OUT_PREFIX BASELINE_JSON
 */
public class CitusReport {

    private final ReportInputs inputs;
    private final PostgresBaseline baseline;
    private final Markdown md = new Markdown();
    private final Targets targets = new Targets();

    CitusReport(Path dir, PostgresBaseline baseline) {
        this.inputs = new ReportInputs(dir);
        this.baseline = baseline;
    }

    public static void main(String[] args) throws Exception {
        CitusReport report = new CitusReport(Path.of(args[0]), PostgresBaseline.read(Path.of(args[2])));
        ObjectNode json = report.build();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(Path.of(args[1] + ".json"), mapper.writeValueAsString(json));
        Files.writeString(Path.of(args[1] + ".md"), report.md.toString());
        System.out.print(report.md);
    }

    ObjectNode build() throws IOException {
        Properties meta = inputs.meta();
        JsonNode uncached = inputs.json("e2e-uncached.json");
        JsonNode data = uncached.path("database");
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ObjectNode run = json.putObject("run");
        meta.stringPropertyNames().stream().sorted().forEach(k -> run.put(k, meta.getProperty(k)));
        ObjectNode steps = inputs.steps();
        run.set("stepSeconds", steps);
        ObjectNode machine = ReportInputs.machine(uncached);
        json.set("machine", machine);
        ObjectNode load = inputs.load(steps);
        json.set("load", load);
        json.set("dataset", data);
        json.set("endToEnd", uncached);
        json.set("postgresBaseline", baseline.json());
        json.set("targets", targets.json());

        String commit = meta.getProperty("commit", "unknown");
        md.append("# Quarry benchmark on Citus ").append(meta.getProperty("stamp")).append("\n\n");
        md.append(String.format(Locale.ROOT, "Mode `%s`, wall time %s s, commit `%s`%s, coordinator `%s`. Results are"
                        + " reported, never asserted. Load average %s at the start, %s at the end (the client, Quarry and"
                        + " every Citus node share the machine; other work on it makes the figures noisy).%n%n",
                meta.getProperty("mode"), meta.getProperty("wallSeconds"), commit.substring(0, Math.min(12, commit.length())),
                "true".equals(meta.getProperty("dirty")) ? " with uncommitted changes" : "", meta.getProperty("coordinator"),
                meta.getProperty("loadavgStart"), meta.getProperty("loadavgEnd")));
        md.append("The PostgreSQL run beside it: ").append(baseline.describe()).append(". Both read the facts (rollups"
                + " off) with the result cache off; a PostgreSQL median marked † was measured for a different report"
                + " text of that shape (the shapes changed since that run), so it compares only roughly.\n\n");
        MachineSection.write(md, machine, "Citus", String.format(Locale.ROOT, "Citus %s on %s: the coordinator and %s"
                        + " workers, %s shards per tenant table", data.path("citusVersion").asText("not installed"),
                machine.path("postgresql").asText(), data.path("citusWorkers").asText("?"),
                data.path("citusShardsPerTable").asText("?")));
        int targetsAt = md.position();
        LoadSection.write(md, targets, load, data, meta.getProperty("loadCommand", "LoadDemoData"),
                "JVM start, migrations that distribute the tables, partitions and exchange rates included");
        EndToEndSection.writeUncached(md, targets, uncached, new BaselineColumns());
        plans(uncached);
        md.append("## Steps (wall seconds)\n\n| step | s |\n| --- | ---: |\n");
        steps.properties().forEach(e -> md.row(e.getKey(), e.getValue().asText()));
        md.append('\n');
        md.insert(targetsAt, targets.section());
        return json;
    }

    /** Each shape's plan on Citus, and its medians on Citus over PostgreSQL's. */
    private void plans(JsonNode uncached) {
        md.append("\n## Plans on Citus\n\n`POST /api/v1/reports/explain` for each shape (the database's `EXPLAIN`, not"
                + " run): **router** is one Citus Adaptive scan with one task on one shard; **multi-shard** has a scan"
                + " with several tasks. Task counts are those of the `Custom Scan (Citus Adaptive)` nodes: the final"
                + " query's (on the coordinator when there are distributed subplans), then each distributed subplan's"
                + " (a materialized CTE, pushed to the shards holding the accounts).\n\n");
        md.append("| shape | accounts | plan | task counts | Citus API p50 | PostgreSQL API p50 | Citus / PostgreSQL (API)"
                + " | Citus / PostgreSQL (direct) |\n| --- | ---: | --- | --- | ---: | ---: | ---: | ---: |\n");
        for (JsonNode shape : uncached.path("shapes")) {
            JsonNode pg = baseline.shape(shape.path("key").asText());
            JsonNode plan = shape.path("databasePlan");
            md.row(shape.path("title").asText(), shape.path("accounts").asText(), plan.path("kind").asText(),
                    tasks(plan), num(shape.path("api").path("p50Ms").asDouble()), pgMedian(shape, "api"),
                    ratio(shape.path("api").path("p50Ms").asDouble(), pg.path("api").path("p50Ms").asDouble()),
                    ratio(shape.path("direct").path("p50Ms").asDouble(), pg.path("direct").path("p50Ms").asDouble()));
        }
        JsonNode throughput = uncached.path("throughput");
        md.row(throughput.path("title").asText() + " (the report for account 501)", "1",
                throughput.path("databasePlan").path("kind").asText(), tasks(throughput.path("databasePlan")),
                num(throughput.path("api").path("p50Ms").asDouble()),
                num(baseline.throughput().path("api").path("p50Ms").asDouble()),
                ratio(throughput.path("api").path("p50Ms").asDouble(), baseline.throughput().path("api").path("p50Ms").asDouble()),
                ratio(throughput.path("direct").path("p50Ms").asDouble(),
                        baseline.throughput().path("direct").path("p50Ms").asDouble()));
        md.append('\n');
    }

    /** The PostgreSQL run's median of one path of this shape, marked when it measured another report text. */
    private String pgMedian(JsonNode shape, String path) {
        JsonNode pg = baseline.shape(shape.path("key").asText());
        if (pg.isMissingNode()) {
            return "-";
        }
        return num(pg.path(path).path("p50Ms").asDouble()) + (baseline.sameReport(shape) ? "" : " †");
    }

    private static String ratio(double citus, double postgres) {
        return postgres > 0 ? String.format(Locale.ROOT, "%.2f", citus / postgres) : "-";
    }

    private static String tasks(JsonNode plan) {
        List<Integer> counts = new ArrayList<>();
        plan.path("taskCounts").forEach(c -> counts.add(c.asInt()));
        return new CitusPlan(plan.path("kind").asText(), counts, plan.path("subplans").asInt()).tasks();
    }

    /** The PostgreSQL medians and the Citus plan beside each shape's API-vs-direct row. */
    private final class BaselineColumns implements EndToEndSection.Extra {

        @Override
        public List<String> headers() {
            return List.of("PostgreSQL direct p50", "PostgreSQL API p50", "plan on Citus", "task counts");
        }

        @Override
        public List<String> cells(JsonNode shape) {
            return List.of(pgMedian(shape, "direct"), pgMedian(shape, "api"),
                    shape.path("databasePlan").path("kind").asText(), tasks(shape.path("databasePlan")));
        }

        @Override
        public String throughputNote(JsonNode throughput) {
            JsonNode pg = baseline.throughput();
            return String.format(Locale.ROOT, " On PostgreSQL: API %s reports/s, direct %s reports/s%s. On Citus each"
                            + " report is a %s plan (task counts %s).",
                    num(pg.path("api").path("perSecond").asDouble()), num(pg.path("direct").path("perSecond").asDouble()),
                    pg.path("report").asText().equals(throughput.path("report").asText()) ? "" : " (another report text)",
                    throughput.path("databasePlan").path("kind").asText(), tasks(throughput.path("databasePlan")));
        }
    }
}
