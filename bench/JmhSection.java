package bench;

import static bench.Markdown.num;

import com.fasterxml.jackson.databind.JsonNode;

/** The report's JMH section (parsing and planning) and the planning target. */
final class JmhSection {

    private JmhSection() {
    }

    static void write(Markdown md, Targets targets, JsonNode jmh, String jmhOptions) {
        md.append("## Parsing and planning (JMH, sample time)\n\n")
                .append("| benchmark | median | p99 | mean | unit |\n| --- | ---: | ---: | ---: | --- |\n");
        for (JsonNode b : jmh) {
            md.row(b.path("benchmark").asText(), num(b.path("p50").asDouble()), num(b.path("p99").asDouble()),
                    num(b.path("mean").asDouble()) + " ± " + num(b.path("meanError").asDouble()),
                    b.path("unit").asText());
        }
        JsonNode plan = ReportInputs.find(jmh, "benchmark", "PlanBenchmark.planTypicalReport");
        if (!plan.isMissingNode()) {
            double micros = micros(plan.path("p50").asDouble(), plan.path("unit").asText());
            targets.add("planning a typical report (plan + render), median", "< " + num(Targets.PLAN_TARGET_MICROS) + " µs",
                    num(micros) + " µs", micros < Targets.PLAN_TARGET_MICROS);
        }
        md.append("\nJMH options: `").append(jmhOptions).append("`, `-Xms512m -Xmx512m` per fork.\n\n");
    }

    private static double micros(double value, String unit) {
        return switch (unit) {
            case "ns/op" -> value / 1000;
            case "ms/op" -> value * 1000;
            case "s/op" -> value * 1_000_000;
            default -> value;
        };
    }
}
