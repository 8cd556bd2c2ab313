package bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Writes the benchmark report (markdown and JSON) from one bench/run's raw results: meta.properties,
 * steps.tsv, jmh-*.json, load.log, e2e-uncached.json, e2e-cached.json. Reports; never asserts.
 *
 * java -cp bench/.data/classes:api/target/quarry-api-all.jar bench.Report RUN_DIR OUT_PREFIX
 * (bench/run compiles bench/*.java into bench/.data/classes)
 */
public class Report {

    private final ReportInputs inputs;
    private final Markdown md = new Markdown();
    private final Targets targets = new Targets();

    Report(Path dir) {
        this.inputs = new ReportInputs(dir);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path prefix = Path.of(args[1]);
        Report report = new Report(dir);
        ObjectNode json = report.build();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(Path.of(prefix + ".json"), mapper.writeValueAsString(json));
        Files.writeString(Path.of(prefix + ".md"), report.md.toString());
        System.out.print(report.md);
    }

    /** The report's JSON; its markdown is in {@link #md} once this returns. */
    ObjectNode build() throws IOException {
        Properties meta = inputs.meta();
        JsonNode uncached = inputs.json("e2e-uncached.json");
        JsonNode cached = inputs.json("e2e-cached.json");
        ObjectNode json = JsonNodeFactory.instance.objectNode();

        ObjectNode run = json.putObject("run");
        meta.stringPropertyNames().stream().sorted().forEach(k -> run.put(k, meta.getProperty(k)));
        ObjectNode steps = inputs.steps();
        run.set("stepSeconds", steps);
        ObjectNode machine = ReportInputs.machine(uncached);
        json.set("machine", machine);
        ArrayNode jmh = inputs.jmh();
        json.set("jmh", jmh);
        ObjectNode load = inputs.load(steps);
        json.set("load", load);
        json.set("dataset", uncached.path("database"));
        ObjectNode e2e = json.putObject("endToEnd");
        e2e.set("settings", uncached.path("settings"));
        e2e.set("uncached", uncached);
        e2e.set("cached", cached);
        json.set("targets", targets.json());

        md.append("# Quarry benchmark ").append(meta.getProperty("stamp")).append("\n\n");
        md.append(String.format(Locale.ROOT, "Mode `%s`, wall time %s s (until this report; the servers are stopped"
                        + " before it), commit `%s`%s. Results are reported, never asserted. Load average %s at the"
                        + " start, %s at the end (other work on the machine makes the figures noisy).%n%n",
                meta.getProperty("mode"), meta.getProperty("wallSeconds"),
                meta.getProperty("commit").substring(0, Math.min(12, meta.getProperty("commit").length())),
                "true".equals(meta.getProperty("dirty")) ? " with uncommitted changes" : "",
                meta.getProperty("loadavgStart"), meta.getProperty("loadavgEnd")));
        MachineSection.write(md, machine);
        int targetsAt = md.position();
        JmhSection.write(md, targets, jmh, meta.getProperty("jmhOptions", ""));
        LoadSection.write(md, targets, load, uncached.path("database"));
        EndToEndSection.write(md, targets, uncached, cached);
        stepsSection(steps);
        md.insert(targetsAt, targets.section());
        return json;
    }

    private void stepsSection(ObjectNode steps) {
        md.append("## Steps (wall seconds)\n\n| step | s |\n| --- | ---: |\n");
        for (Map.Entry<String, JsonNode> e : steps.properties()) {
            md.row(e.getKey(), e.getValue().asText());
        }
        md.append('\n');
    }
}
