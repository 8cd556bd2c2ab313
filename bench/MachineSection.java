package bench;

import com.fasterxml.jackson.databind.JsonNode;

/** The report's "Machine" section; {@code database} says where the database runs. */
final class MachineSection {

    private MachineSection() {
    }

    static void write(Markdown md, JsonNode machine) {
        write(md, machine, "PostgreSQL", machine.path("postgresql").asText() + " (embedded, same machine)");
    }

    static void write(Markdown md, JsonNode machine, String databaseLabel, String database) {
        md.append("## Machine\n\n| | |\n| --- | --- |\n");
        md.row("cores", machine.path("cores").asText());
        md.row("CPU", machine.path("cpu").asText());
        md.row("memory", machine.path("memoryGiB").asText() + " GiB");
        md.row("OS", machine.path("os").asText());
        md.row("JVM", machine.path("jvm").asText());
        md.row(databaseLabel, database);
        md.append('\n');
    }
}
