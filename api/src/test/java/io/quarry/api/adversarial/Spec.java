package io.quarry.api.adversarial;

import io.quarry.api.adversarial.Catalog.Dim;
import io.quarry.api.adversarial.Catalog.MetricDef;
import io.quarry.api.adversarial.Catalog.Source;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A generated report of the isolation suite, in the terms of the {@link Catalog}: what it asks
 * for, rendered to the text and JSON forms by {@link SpecForms}, and checked by {@link SqlOracle}.
 *
 * @param accounts the report's own ACCOUNTS clause; empty for none
 */
record Spec(Set<Source> sources, boolean from, List<DimItem> dims, List<MetricItem> metrics, Range range,
            List<Filter> filters, List<Having> having, Order order, Long limit, Long offset, List<Integer> pivot,
            Totals totals, String compare, List<Long> accounts, String zone) {

    /** A dimension of the report, with its alias (or null). */
    record DimItem(Dim dim, String alias) {
        String outputName() {
            return alias != null ? alias : dim.name;
        }

        String text() {
            return alias != null ? dim.name + " AS " + SpecForms.alias(alias) : dim.name;
        }
    }

    /** A metric of the report: a model metric or an inline expression, with its alias (or null). */
    record MetricItem(MetricDef def, String alias) {
        String outputName() {
            return alias != null ? alias : def.expression();
        }

        String text() {
            return alias != null ? def.expression() + " AS " + SpecForms.alias(alias) : def.expression();
        }
    }

    /** A filter on dimensions: the same template renders the report's condition and the oracle's SQL. */
    sealed interface Filter {
        String render(Function<Dim, String> reference);
    }

    record In(Dim dim, List<String> literals, boolean negated) implements Filter {
        public String render(Function<Dim, String> reference) {
            return reference.apply(dim) + (negated ? " NOT IN (" : " IN (") + String.join(", ", literals) + ")";
        }
    }

    record Compare(Dim dim, String operator, String literal) implements Filter {
        public String render(Function<Dim, String> reference) {
            return reference.apply(dim) + " " + operator + " " + literal;
        }
    }

    record Like(Dim dim, String pattern, boolean ilike, boolean negated) implements Filter {
        public String render(Function<Dim, String> reference) {
            return reference.apply(dim) + (negated ? " NOT" : "") + (ilike ? " ILIKE " : " LIKE ") + pattern;
        }
    }

    record IsNull(Dim dim, boolean negated) implements Filter {
        public String render(Function<Dim, String> reference) {
            return reference.apply(dim) + (negated ? " IS NOT NULL" : " IS NULL");
        }
    }

    record Or(List<Filter> terms) implements Filter {
        public String render(Function<Dim, String> reference) {
            return "(" + terms.stream().map(t -> t.render(reference)).collect(Collectors.joining(" OR ")) + ")";
        }
    }

    /** A condition as written (the fuzzer's; the oracle never sees one). */
    record Raw(String text) implements Filter {
        public String render(Function<Dim, String> reference) {
            return text;
        }
    }

    record Not(Filter term) implements Filter {
        public String render(Function<Dim, String> reference) {
            return "NOT (" + term.render(reference) + ")";
        }
    }

    /**
     * The date condition. {@code kind}: BETWEEN, HALF_OPEN ({@code >= and <}), DURING (a relative
     * range), TODAY ({@code >= today() - n and < today()}), or PARAMETERS ({@code BETWEEN :from AND :to}).
     */
    record Range(String kind, LocalDate first, LocalDate end, String during, int days) {

        /** The condition(s) as report text. */
        List<String> conditions() {
            return switch (kind) {
                case "BETWEEN" -> List.of("date BETWEEN DATE '" + first + "' AND DATE '" + end.minusDays(1) + "'");
                case "HALF_OPEN" -> List.of("date >= DATE '" + first + "'", "date < DATE '" + end + "'");
                case "DURING" -> List.of("date DURING " + during);
                case "TODAY" -> List.of("date >= today() - " + days, "date < today()");
                case "PARAMETERS" -> List.of("date BETWEEN :from AND :to");
                default -> throw new IllegalStateException(kind);
            };
        }

        /** The half-open range of local days [first, end) the condition means when today is {@code today}. */
        LocalDate[] resolve(LocalDate today) {
            return switch (kind) {
                case "DURING" -> RelativeRanges.resolve(during, today);
                case "TODAY" -> new LocalDate[] {today.minusDays(days), today};
                default -> new LocalDate[] {first, end};
            };
        }

        boolean relative() {
            return kind.equals("DURING") || kind.equals("TODAY");
        }
    }

    /** {@code HAVING <metric> <op> <value>} over the detail rows. */
    record Having(int metric, String operator, BigDecimal value) {
        boolean keeps(BigDecimal actual) {
            if (actual == null) {
                return false;
            }
            int c = actual.compareTo(value);
            return switch (operator) {
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case "<>" -> c != 0;
                default -> c == 0;
            };
        }
    }

    record Order(String column, boolean descending) {
    }

    /** TOTALS: a grand total and subtotals by the dimensions at these indexes. */
    record Totals(boolean grand, List<Integer> subtotals) {
    }

    ZoneId zoneId() {
        return zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
    }

    /** Every output column name in order: dimensions, then each metric (with its comparison columns). */
    List<String> columns() {
        List<String> columns = new ArrayList<>(dims.stream().map(DimItem::outputName).toList());
        for (MetricItem metric : metrics) {
            columns.add(metric.outputName());
            if (compare != null) {
                columns.add(metric.outputName() + "_previous");
                columns.add(metric.outputName() + "_change");
            }
        }
        return columns;
    }

    /**
     * The grouping levels of the answer, each the dimension indexes it keeps: the detail rows
     * first, then (for a table) the subtotals, each keeping the dimensions up to the one named,
     * and the grand total; for a pivot the row totals, column totals and grand total.
     */
    List<List<Integer>> levels() {
        List<List<Integer>> levels = new ArrayList<>();
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            all.add(i);
        }
        levels.add(all);
        if (!pivot.isEmpty()) {
            List<Integer> rows = all.stream().filter(i -> !pivot.contains(i)).toList();
            if (!rows.isEmpty()) {
                levels.add(rows);
            }
            levels.add(pivot.stream().sorted().toList());
            levels.add(List.of());
            return levels;
        }
        if (totals != null) {
            for (int subtotal : totals.subtotals()) {
                List<Integer> kept = all.subList(0, subtotal + 1);
                if (!levels.contains(kept)) {
                    levels.add(kept);
                }
            }
            if (totals.grand()) {
                levels.add(List.of());
            }
        }
        return levels;
    }
}
