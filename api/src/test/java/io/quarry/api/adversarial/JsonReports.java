package io.quarry.api.adversarial;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Hostile reports in the JSON form: payloads in its slots, values of the wrong type, any JSON at all. */
final class JsonReports extends Generator {

    private final FuzzReports reports;

    JsonReports(Random random, FuzzReports reports) {
        super(random);
        this.reports = reports;
    }

    /** The JSON form with a hostile value in some of its slots, or a value of the wrong type. */
    String report() {
        List<String> fields = new ArrayList<>();
        fields.add("\"metrics\": " + (chance(80) ? "[" + items(FuzzReports.METRICS) + "]" : value(2)));
        if (chance(60)) {
            fields.add("\"dimensions\": " + (chance(80) ? "[" + items(FuzzReports.DIMENSIONS) + "]" : value(2)));
        }
        if (chance(60)) {
            fields.add("\"where\": " + (chance(70) ? "[\"date BETWEEN DATE '2026-05-01' AND DATE '2026-05-31'\", "
                    + Json.quote(reports.condition(2)) + "]" : value(2)));
        }
        String[] others = {"having", "orderBy", "limit", "offset", "pivotBy", "totals", "compare", "accounts",
            "timezone", "currency", "parameters", "from", Payloads.any(random)};
        for (String field : others) {
            if (chance(12)) {
                fields.add(Json.quote(field) + ": " + slot(field));
            }
        }
        if (chance(5) && !fields.isEmpty()) {
            fields.add(fields.get(0));
        }
        java.util.Collections.shuffle(fields, random);
        return "{" + String.join(", ", fields) + "}";
    }

    private String slot(String field) {
        if (chance(40)) {
            return value(2);
        }
        return switch (field) {
            case "having" -> "[" + Json.quote(reports.condition(1)) + "]";
            case "orderBy" -> "[{\"expression\": " + Json.quote(reports.expression(1)) + ", \"direction\": "
                    + Json.quote(pick(List.of("ASC", "desc", "sideways", ""))) + ", \"nulls\": "
                    + Json.quote(pick(List.of("FIRST", "last", "middle"))) + "}]";
            case "limit", "offset" -> pick(List.of(pick(Payloads.NUMBERS), Json.quote(pick(Payloads.NUMBERS)), "\":x\""));
            case "pivotBy" -> "[" + Json.quote(pick(Payloads.NAMES)) + "]";
            case "totals" -> "{\"grand\": " + pick(List.of("true", "false", "1", "\"yes\"")) + ", \"subtotals\": ["
                    + Json.quote(pick(Payloads.NAMES)) + "]}";
            case "compare" -> Json.quote(pick(List.of("previous_period", "SAME_PERIOD_LAST_YEAR", "x", "")));
            case "accounts" -> "[" + pick(List.of("1", "2", "9000001", "-1", "1.5", "\"1\"", "\":a\"", "null",
                    "9223372036854775808")) + "]";
            case "timezone" -> Json.quote(pick(Payloads.ZONES));
            case "currency" -> pick(List.of(Json.quote(pick(Payloads.CURRENCIES)), "1", "null", "[\"EUR\"]"));
            case "parameters" -> "[{\"name\": " + Json.quote(pick(List.of("from", "x", Payloads.any(random))))
                    + ", \"type\": " + Json.quote(pick(List.of("DATE", "STRING", "INTEGER", "BLOB")))
                    + ", \"default\": " + Json.quote(reports.leaf()) + "}]";
            default -> Json.quote(Payloads.any(random));
        };
    }

    private String items(List<String> valid) {
        int count = chance(2) ? 1_700 : 1 + random.nextInt(4);
        return IntStream.range(0, count).mapToObj(i -> {
            String expression = chance(60) ? pick(valid) : reports.expression(2);
            return chance(25) ? "{\"expression\": " + Json.quote(expression) + ", \"as\": "
                    + Json.quote(pick(List.of("m" + i, "__level", "\"__level\"", "spend", Payloads.any(random)))) + "}"
                    : Json.quote(expression);
        }).collect(Collectors.joining(", "));
    }

    /** Any JSON value (sometimes not quite JSON: NaN, a bare word). */
    String value(int depth) {
        return switch (random.nextInt(depth > 0 ? 8 : 5)) {
            case 0 -> Json.quote(Payloads.any(random));
            case 1 -> pick(Payloads.NUMBERS);
            case 2 -> pick(List.of("true", "false", "null"));
            case 3 -> Json.quote(reports.expression(1));
            case 4 -> pick(List.of("\"\"", "[]", "{}", "NaN", "undefined", "'x'"));
            case 5, 6 -> "[" + IntStream.range(0, random.nextInt(4)).mapToObj(i -> value(depth - 1))
                    .collect(Collectors.joining(", ")) + "]";
            default -> "{" + IntStream.range(0, random.nextInt(3)).mapToObj(i -> Json.quote(Payloads.any(random))
                    + ": " + value(depth - 1)).collect(Collectors.joining(", ")) + "}";
        };
    }
}
