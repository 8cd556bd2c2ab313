package io.quarry.api.adversarial;

import io.quarry.api.adversarial.Spec.DimItem;
import io.quarry.api.adversarial.Spec.Filter;
import io.quarry.api.adversarial.Spec.MetricItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A {@link Spec} in the report language's two forms, with harmless variations a real client may
 * send: keyword case, line breaks and comments in the text; field order, a single {@code where}
 * string, a limit as a string and {@code null} fields in JSON. A saved report's form declares
 * {@code PARAMETERS (from DATE, to DATE[, top INTEGER])} with the spec's values as defaults.
 */
final class SpecForms {

    private SpecForms() {
    }

    /** The report's WHERE conditions: the date range, then each filter. */
    static List<String> conditions(Spec spec) {
        List<String> conditions = new ArrayList<>(spec.range().conditions());
        for (Filter filter : spec.filters()) {
            conditions.add(filter.render(d -> d.name));
        }
        return conditions;
    }

    static String having(Spec spec, Spec.Having having) {
        return quoted(spec.metrics().get(having.metric()).outputName()) + " " + having.operator() + " "
                + having.value().toPlainString();
    }

    /** An output name as a report names it: quoted unless it is a plain (dotted) lower-case name. */
    static String quoted(String name) {
        return name.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** An alias as a report writes it: bare if it is a plain lower-case word, else quoted. */
    static String alias(String alias) {
        return alias.matches("[a-z_][a-z0-9_]*") ? alias : "\"" + alias.replace("\"", "\"\"") + "\"";
    }

    static String parameters(Spec spec, boolean limitParameter) {
        return "PARAMETERS (from DATE DEFAULT DATE '" + spec.range().first() + "', to DATE DEFAULT DATE '"
                + spec.range().end().minusDays(1) + "'" + (limitParameter ? ", top INTEGER DEFAULT " + spec.limit() : "")
                + ")";
    }

    static String text(Spec spec, Random random, boolean limitParameter) {
        List<String> clauses = new ArrayList<>();
        if (spec.range().kind().equals("PARAMETERS")) {
            clauses.add(parameters(spec, limitParameter));
        }
        if (spec.from()) {
            clauses.add(keyword(random, "FROM") + " " + spec.sources().iterator().next().dataset);
        }
        if (!spec.dims().isEmpty()) {
            clauses.add(keyword(random, "DIMENSIONS") + " "
                    + spec.dims().stream().map(DimItem::text).collect(Collectors.joining(", ")));
        }
        clauses.add(keyword(random, "METRICS") + " "
                + spec.metrics().stream().map(MetricItem::text).collect(Collectors.joining(", ")));
        clauses.add(keyword(random, "WHERE") + " " + String.join(" AND ", conditions(spec)));
        if (!spec.having().isEmpty()) {
            clauses.add(keyword(random, "HAVING") + " " + spec.having().stream().map(h -> having(spec, h))
                    .collect(Collectors.joining(" AND ")));
        }
        if (spec.order() != null) {
            clauses.add(keyword(random, "ORDER BY") + " " + quoted(spec.order().column())
                    + (spec.order().descending() ? " DESC" : random.nextBoolean() ? " ASC" : ""));
        }
        if (spec.limit() != null) {
            clauses.add(keyword(random, "LIMIT") + " " + (limitParameter ? ":top" : spec.limit()));
        }
        if (spec.offset() != null) {
            clauses.add(keyword(random, "OFFSET") + " " + spec.offset());
        }
        if (!spec.pivot().isEmpty()) {
            clauses.add(keyword(random, "PIVOT BY") + " " + spec.pivot().stream()
                    .map(i -> quoted(spec.dims().get(i).outputName())).collect(Collectors.joining(", ")));
        }
        if (spec.totals() != null) {
            List<String> parts = new ArrayList<>();
            if (spec.totals().grand()) {
                parts.add("GRAND");
            }
            if (!spec.totals().subtotals().isEmpty()) {
                parts.add("SUBTOTALS (" + spec.totals().subtotals().stream()
                        .map(i -> quoted(spec.dims().get(i).outputName())).collect(Collectors.joining(", ")) + ")");
            }
            clauses.add(keyword(random, "TOTALS") + " " + String.join(", ", parts));
        }
        if (spec.compare() != null) {
            clauses.add(keyword(random, "COMPARE") + " " + spec.compare());
        }
        if (!spec.accounts().isEmpty()) {
            clauses.add(keyword(random, "ACCOUNTS") + " (" + spec.accounts().stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + ")");
        }
        if (spec.zone() != null) {
            clauses.add(keyword(random, "TIMEZONE") + " '" + spec.zone() + "'");
        }
        // The demo accounts keep money in several currencies: every report converts it into one.
        clauses.add(keyword(random, "CURRENCY") + " '" + SqlOracle.CURRENCY + "'");
        StringBuilder text = new StringBuilder();
        for (String clause : clauses) {
            if (text.length() > 0) {
                text.append(separator(random));
            }
            text.append(clause);
        }
        return text.toString();
    }

    private static String keyword(Random random, String keyword) {
        return switch (random.nextInt(6)) {
            case 0 -> keyword.toLowerCase(Locale.ROOT);
            case 1 -> keyword.charAt(0) + keyword.substring(1).toLowerCase(Locale.ROOT);
            default -> keyword;
        };
    }

    private static String separator(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> "\n-- a comment; DROP TABLE accounts\n";
            case 1 -> " /* c */ ";
            case 2 -> "\r\n\t";
            case 3, 4, 5 -> "\n";
            default -> " ";
        };
    }

    static String json(Spec spec, Random random, boolean limitParameter) {
        List<String> fields = new ArrayList<>();
        if (spec.range().kind().equals("PARAMETERS")) {
            fields.add("\"parameters\": [{\"name\": \"from\", \"type\": \"DATE\", \"default\": \"DATE '"
                    + spec.range().first() + "'\"}, {\"name\": \"to\", \"type\": \"date\", \"default\": \"DATE '"
                    + spec.range().end().minusDays(1) + "'\"}"
                    + (limitParameter ? ", {\"name\": \"top\", \"type\": \"INTEGER\", \"default\": \"" + spec.limit()
                    + "\"}" : "") + "]");
        }
        if (spec.from()) {
            fields.add("\"from\": " + Json.quote(spec.sources().iterator().next().dataset));
        }
        if (!spec.dims().isEmpty()) {
            fields.add("\"dimensions\": [" + spec.dims().stream().map(d -> item(d.dim().name, d.alias()))
                    .collect(Collectors.joining(", ")) + "]");
        } else if (random.nextInt(4) == 0) {
            fields.add("\"dimensions\": null");
        }
        fields.add("\"metrics\": [" + spec.metrics().stream().map(m -> item(m.def().expression(), m.alias()))
                .collect(Collectors.joining(", ")) + "]");
        List<String> conditions = conditions(spec);
        fields.add("\"where\": " + (random.nextInt(4) == 0 ? Json.quote(String.join(" AND ", conditions))
                : "[" + conditions.stream().map(Json::quote).collect(Collectors.joining(", ")) + "]"));
        if (!spec.having().isEmpty()) {
            fields.add("\"having\": [" + spec.having().stream().map(h -> Json.quote(having(spec, h)))
                    .collect(Collectors.joining(", ")) + "]");
        }
        if (spec.order() != null) {
            fields.add("\"orderBy\": [{\"expression\": " + Json.quote(quoted(spec.order().column()))
                    + ", \"direction\": \"" + (spec.order().descending() ? "desc" : "ASC") + "\"}]");
        }
        if (spec.limit() != null) {
            fields.add("\"limit\": " + (limitParameter ? "\":top\"" : random.nextInt(4) == 0
                    ? "\"" + spec.limit() + "\"" : spec.limit()));
        }
        if (spec.offset() != null) {
            fields.add("\"offset\": " + spec.offset());
        }
        if (!spec.pivot().isEmpty()) {
            fields.add("\"pivotBy\": [" + spec.pivot().stream().map(i -> Json.quote(quoted(spec.dims().get(i)
                    .outputName()))).collect(Collectors.joining(", ")) + "]");
        }
        if (spec.totals() != null) {
            fields.add("\"totals\": {\"grand\": " + spec.totals().grand() + ", \"subtotals\": ["
                    + spec.totals().subtotals().stream().map(i -> Json.quote(quoted(spec.dims().get(i).outputName())))
                    .collect(Collectors.joining(", ")) + "]}");
        }
        if (spec.compare() != null) {
            fields.add("\"compare\": " + Json.quote(spec.compare().toLowerCase(Locale.ROOT)));
        }
        if (!spec.accounts().isEmpty()) {
            fields.add("\"accounts\": " + spec.accounts());
        }
        if (spec.zone() != null) {
            fields.add("\"timezone\": " + Json.quote(spec.zone()));
        } else if (random.nextInt(4) == 0) {
            fields.add("\"timezone\": null");
        }
        fields.add("\"currency\": " + Json.quote(SqlOracle.CURRENCY));
        Collections.shuffle(fields, random);
        return "{" + String.join(random.nextBoolean() ? ", " : ",\n  ", fields) + "}";
    }

    private static String item(String expression, String alias) {
        return alias == null ? Json.quote(expression)
                : "{\"expression\": " + Json.quote(expression) + ", \"as\": " + Json.quote(alias(alias)) + "}";
    }
}
