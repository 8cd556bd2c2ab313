package bench;

import com.fasterxml.jackson.databind.JsonNode;

/** The report's "Machine" section. */
final class MachineSection {

    private MachineSection() {
    }

    static void write(Markdown md, JsonNode machine) {
        md.append("## Machine\n\n| | |\n| --- | --- |\n");
        md.row("cores", machine.path("cores").asText());
        md.row("CPU", machine.path("cpu").asText());
        md.row("memory", machine.path("memoryGiB").asText() + " GiB");
        md.row("OS", machine.path("os").asText());
        md.row("JVM", machine.path("jvm").asText());
        md.row("PostgreSQL", machine.path("postgresql").asText() + " (embedded, same machine)");
        md.append('\n');
    }
}
