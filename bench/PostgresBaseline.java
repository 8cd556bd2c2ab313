package bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PostgreSQL run a Citus run is set beside: bench/run's report JSON (bench/results/latest.json by
 * default), its end-to-end medians per shape (cache off) and its single-account throughput. A shape whose
 * report text differs from this run's (the shapes changed since) is marked, not hidden.
 */
final class PostgresBaseline {

    private final Path file;
    private final JsonNode report;

    private PostgresBaseline(Path file, JsonNode report) {
        this.file = file;
        this.report = report;
    }

    /** The run in {@code file}, or an empty baseline when there is none. */
    static PostgresBaseline read(Path file) throws IOException {
        return new PostgresBaseline(file, Files.isRegularFile(file)
                ? new ObjectMapper().readTree(file.toFile()) : MissingNode.getInstance());
    }

    boolean present() {
        return !report.isMissingNode();
    }

    /** "20261122T070354Z (commit d2613410e5a7, load average 2.07 3.12 3.50 at the start)", for the report. */
    String describe() {
        if (!present()) {
            return "none (" + file + " not found)";
        }
        JsonNode run = report.path("run");
        String commit = run.path("commit").asText("unknown");
        return String.format("`%s` (%s, mode `%s`, commit `%s`%s, PostgreSQL %s embedded; load average %s at the start)",
                file, run.path("stamp").asText(), run.path("mode").asText(), commit.substring(0, Math.min(12, commit.length())),
                run.path("dirty").asBoolean() ? " with uncommitted changes" : "",
                report.path("dataset").path("serverVersion").asText("?"), run.path("loadavgStart").asText());
    }

    /** The PostgreSQL run's shape with this key (cache off), or a missing node. */
    JsonNode shape(String key) {
        return ReportInputs.find(report.path("endToEnd").path("uncached").path("shapes"), "key", key);
    }

    /** Whether the PostgreSQL run measured exactly this report text for the shape. */
    boolean sameReport(JsonNode shape) {
        return shape(shape.path("key").asText()).path("report").asText().equals(shape.path("report").asText());
    }

    JsonNode throughput() {
        return report.path("endToEnd").path("uncached").path("throughput");
    }

    /** What the Citus report's JSON keeps of the baseline. */
    ObjectNode json() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("file", file.toString());
        json.set("run", report.path("run"));
        ObjectNode shapes = json.putObject("shapes");
        for (JsonNode shape : report.path("endToEnd").path("uncached").path("shapes")) {
            ObjectNode s = shapes.putObject(shape.path("key").asText());
            s.put("report", shape.path("report").asText());
            s.put("apiP50Ms", shape.path("api").path("p50Ms").asDouble());
            s.put("directP50Ms", shape.path("direct").path("p50Ms").asDouble());
        }
        json.put("throughputApiPerSecond", throughput().path("api").path("perSecond").asDouble());
        json.put("throughputDirectPerSecond", throughput().path("direct").path("perSecond").asDouble());
        return json;
    }
}
