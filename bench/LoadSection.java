package bench;

import static bench.Markdown.grouped;
import static bench.Markdown.num;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The report's "Data load" section: rows per table, the load rate and the data's skew; the load target.
 * {@code command} is the load's command line and what its wall time includes.
 */
final class LoadSection {

    private LoadSection() {
    }

    static void write(Markdown md, Targets targets, JsonNode load, JsonNode data) {
        write(md, targets, load, data, "LoadDemoData --preset benchmark --end-date 2026-10-31",
                "JVM start, initdb, migrations included");
    }

    static void write(Markdown md, Targets targets, JsonNode load, JsonNode data, String command, String includes) {
        md.append("## Data load (`").append(command).append("`)\n\n");
        if (load.path("reused").asBoolean()) {
            md.append("**Reused** an already loaded database (`--quick`; `--reuse-data` on Citus)").append(load.has("totalRows")
                    ? ": the figures are from its load.\n\n" : "; the log of its load was not kept.\n\n");
        }
        if (load.has("totalRows")) {
            md.append("Spec: `").append(load.path("spec").asText()).append("`\n\n| table | rows |\n| --- | ---: |\n");
            load.path("rows").properties().forEach(e -> md.row(e.getKey(), grouped(e.getValue().asLong())));
            md.row("**total**", grouped(load.path("totalRows").asLong()));
            md.append(String.format(Locale.ROOT, "%nLoad: %s s in all (partitions, COPY on %d connections, commit, ANALYZE):"
                            + " **%s rows/s**; COPY alone %s s, %s rows/s (the loader's own figure). %s%n%n",
                    num(load.path("seconds").asDouble()), load.path("connections").asInt(),
                    grouped(load.path("rowsPerSecond").asLong()), num(load.path("copySeconds").asDouble()),
                    grouped(load.path("copyRowsPerSecond").asLong()), load.has("commandWallSeconds")
                            ? "The command took " + load.path("commandWallSeconds").asText() + " s (" + includes + ")." : ""));
        }
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
        if (load.has("totalRows")) {
            double rate = load.path("rowsPerSecond").asDouble();
            targets.add("load, all rows / load seconds", ">= " + grouped((long) Targets.LOAD_TARGET) + " rows/s",
                    grouped((long) rate) + " rows/s (COPY alone " + grouped(load.path("copyRowsPerSecond").asLong()) + ")",
                    rate >= Targets.LOAD_TARGET);
        }
    }
}
