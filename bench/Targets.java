package bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The benchmark's targets, each met or missed as the sections find them: the JSON array and its table. */
final class Targets {

    static final double PLAN_TARGET_MICROS = 100;
    static final double RATIO_TARGET = 1.10;
    static final double SMALL_REPORT_MILLIS = 10;
    static final double ADDED_TARGET_MILLIS = 1;
    static final double THROUGHPUT_TARGET = 1_000;
    static final double LOAD_TARGET = 250_000;

    private final ArrayNode targets = JsonNodeFactory.instance.arrayNode();

    /** The targets so far and, as it goes on, every one added later. */
    ArrayNode json() {
        return targets;
    }

    void add(String what, String target, String measured, boolean met) {
        ObjectNode t = targets.addObject();
        t.put("target", what);
        t.put("goal", target);
        t.put("measured", measured);
        t.put("met", met);
    }

    /** The "Targets" section of the markdown. */
    String section() {
        Markdown md = new Markdown().append("## Targets\n\n| what | target | measured | |\n| --- | --- | --- | --- |\n");
        for (JsonNode t : targets) {
            md.row(t.path("target").asText(), t.path("goal").asText(), t.path("measured").asText(),
                    t.path("met").asBoolean() ? "met" : "**missed**");
        }
        return md.append('\n').toString();
    }
}
