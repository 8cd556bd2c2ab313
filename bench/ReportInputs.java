package bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the report is made of: one bench/run's raw results in its directory (meta.properties, steps.tsv,
 * jmh-*.json, load.log, e2e-uncached.json, e2e-cached.json), and the machine it ran on.
 */
final class ReportInputs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    // LoadDemoData's summary lines.
    private static final Pattern TABLE_ROWS = Pattern.compile("(?m)^  (\\w+)\\s+([\\d,]+) rows$");
    private static final Pattern TOTAL = Pattern.compile(
            "(?m)^  total ([\\d,]+) rows in ([\\d.]+) s \\(COPY ([\\d.]+) s, ([\\d,]+) rows/s\\)$");
    private static final Pattern SPEC = Pattern.compile("(?m)^Loaded (seed=.+)$");
    private static final Pattern CONNECTIONS = Pattern.compile("through COPY on (\\d+) connections");

    private final ObjectMapper mapper = new ObjectMapper();
    private final Path dir;

    ReportInputs(Path dir) {
        this.dir = dir;
    }

    /** meta.properties: what bench/run knew of the run (stamp, mode, commit, load averages, options). */
    Properties meta() throws IOException {
        Properties meta = new Properties();
        meta.load(new StringReader(Files.readString(dir.resolve("meta.properties"))));
        return meta;
    }

    /** steps.tsv: each step's wall seconds, in order. */
    ObjectNode steps() throws IOException {
        ObjectNode steps = NODES.objectNode();
        for (String line : Files.readAllLines(dir.resolve("steps.tsv"))) {
            String[] parts = line.split("\t");
            steps.put(parts[0], Long.parseLong(parts[1]));
        }
        return steps;
    }

    /** A JSON file of the run, such as EndToEnd's e2e-uncached.json. */
    JsonNode json(String name) throws IOException {
        return mapper.readTree(dir.resolve(name).toFile());
    }

    /** The JMH results of query-language and planner, a row per benchmark. */
    ArrayNode jmh() throws IOException {
        ArrayNode all = NODES.arrayNode();
        for (String module : List.of("query-language", "planner")) {
            for (JsonNode b : json("jmh-" + module + ".json")) {
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

    /** The data load from LoadDemoData's summary in load.log; the step's wall time, or that the load was reused. */
    ObjectNode load(ObjectNode steps) throws IOException {
        String log = Files.readString(dir.resolve("load.log"));
        ObjectNode load = NODES.objectNode();
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

    /** This machine and JVM, and the PostgreSQL version EndToEnd found. */
    static ObjectNode machine(JsonNode uncached) {
        ObjectNode machine = NODES.objectNode();
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

    /** The element of {@code array} whose {@code field} is {@code value}, or a missing node. */
    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (element.path(field).asText().equals(value)) {
                return element;
            }
        }
        return MissingNode.getInstance();
    }

    private static String firstMatch(String file, String regex, String otherwise) {
        try {
            Matcher m = Pattern.compile(regex).matcher(Files.readString(Path.of(file)));
            return m.find() ? m.group(1).trim() : otherwise;
        } catch (IOException e) {
            return otherwise;
        }
    }

    private static long number(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }
}
