package io.quarry.planner.resolve;

import io.quarry.planner.resolve.MetricTree.Aggregate;
import io.quarry.planner.resolve.ResolvedReport.OutputDimension;
import io.quarry.planner.resolve.ResolvedReport.OutputMetric;
import io.quarry.ql.ast.Report;
import io.quarry.ql.ast.SelectItem;
import io.quarry.ql.ast.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names and the number of a report's result columns, as PostgreSQL sees them: every name
 * once, also in its first 63 bytes (PostgreSQL cuts longer names there, so two that begin alike
 * would clash), none that the planner or the exports add ({@value Level#COLUMN} and other names
 * starting with {@code __}; {@value #ROW_TYPE} with totals), COMPARE's {@code <metric>_previous}
 * and {@code <metric>_change} included; and no more than {@value #MAX_COLUMNS} columns in any
 * query, the most PostgreSQL allows.
 */
final class OutputNames {

    /** The most columns a PostgreSQL query may return (MaxTupleAttributeNumber). */
    static final int MAX_COLUMNS = 1_664;
    /** The column the api's CSV and NDJSON exports add to the rows of a report with totals. */
    static final String ROW_TYPE = "row_type";
    private static final int NAME_BYTES = 63;

    private OutputNames() {
    }

    /** One result column: its name, where the report names it, and what COMPARE derived it from. */
    private record Column(String name, SourceLocation location, String metric, String role) {
        boolean derived() {
            return metric != null;
        }
    }

    /** Refuses clashing, reserved or too many result columns. */
    static void check(Report report, List<OutputDimension> dimensions, List<OutputMetric> metrics, boolean compare,
                      boolean levels) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            columns.add(new Column(dimensions.get(i).name(), location(report.dimensions().get(i)), null, null));
        }
        for (int i = 0; i < metrics.size(); i++) {
            String name = metrics.get(i).name();
            SourceLocation location = location(report.metrics().get(i));
            columns.add(new Column(name, location, null, null));
            if (compare) {
                columns.add(new Column(name + "_previous", location, name, "the previous value"));
                columns.add(new Column(name + "_change", location, name, "the change"));
            }
        }
        int count = columns.size() + (levels ? 1 : 0);
        if (count > MAX_COLUMNS) {
            SourceLocation at = columns.size() > MAX_COLUMNS ? columns.get(MAX_COLUMNS).location() : levelsLocation(report);
            throw new PlanningException(PlanningError.LIMIT_EXCEEDED, "the report has " + count + " columns, more than"
                    + " the " + MAX_COLUMNS + " PostgreSQL returns (COMPARE gives each metric three, totals add one)", at);
        }
        Map<String, Column> seen = new HashMap<>();
        Map<String, Column> seenCut = new HashMap<>();
        for (Column column : columns) {
            reserved(column, levels);
            Column earlier = seen.putIfAbsent(column.name(), column);
            if (earlier != null) {
                throw duplicate(column, earlier);
            }
            Column alike = seenCut.putIfAbsent(cut(column.name()), column);
            if (alike != null) {
                throw new PlanningException(PlanningError.DUPLICATE_NAME, "'" + column.name() + "' and '" + alike.name()
                        + "' are the same to PostgreSQL, which keeps only the first " + NAME_BYTES + " bytes of a name; "
                        + (column.derived() || alike.derived() ? "with COMPARE a metric's name may have at most "
                        + (NAME_BYTES - "_previous".length()) + " bytes" : "make them differ sooner"), column.location());
            }
        }
    }

    /**
     * Refuses a report whose widest query (a base CTE, the stitched rows, COMPARE's two periods
     * side by side) would have more columns than PostgreSQL allows: the dimensions and every
     * different aggregate, twice with COMPARE.
     */
    static void checkAggregates(Report report, List<OutputDimension> dimensions, List<OutputMetric> metrics,
                                List<Predicate> having, boolean compare) {
        Set<Aggregate> aggregates = new LinkedHashSet<>();
        metrics.forEach(m -> aggregates.addAll(MetricTrees.aggregates(m.metric())));
        having.forEach(p -> MetricTrees.metrics(p).forEach(m -> aggregates.addAll(MetricTrees.aggregates(m))));
        int factor = compare ? 2 : 1;
        if (dimensions.size() + factor * aggregates.size() <= MAX_COLUMNS) {
            return;
        }
        Set<Aggregate> counted = new LinkedHashSet<>();
        SourceLocation at = report.having().map(h -> h.location()).orElse(report.location());
        for (int i = 0; i < metrics.size(); i++) {
            counted.addAll(MetricTrees.aggregates(metrics.get(i).metric()));
            if (dimensions.size() + factor * counted.size() > MAX_COLUMNS) {
                at = location(report.metrics().get(i));
                break;
            }
        }
        throw new PlanningException(PlanningError.LIMIT_EXCEEDED, "the report needs " + factor * aggregates.size()
                + " aggregates in one query, more than the " + MAX_COLUMNS + " columns PostgreSQL allows; split it"
                + " into several reports", at);
    }

    private static void reserved(Column column, boolean levels) {
        String name = column.name();
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new PlanningException(PlanningError.INVALID_VALUE, name.isEmpty() ? "a column name must not be empty"
                    : "a column name must not contain the NUL character (U+0000)", column.location());
        }
        int control = name.codePoints().filter(Character::isISOControl).findFirst().orElse(-1);
        if (control >= 0) {
            // A header no CSV, UI or JSqlParser (which lexes the second wall's statements) reads as one line.
            throw new PlanningException(PlanningError.INVALID_VALUE, String.format("a column name must not contain"
                    + " control characters such as U+%04X (line breaks, tabs, escapes)", control), column.location());
        }
        if (name.indexOf('\\') >= 0) {
            // The second wall refuses any backslash in a statement (PostgreSQL and JSqlParser lex
            // escapes differently): a name with one would be a planned statement it refuses.
            throw new PlanningException(PlanningError.INVALID_VALUE, "a column name must not contain a backslash",
                    column.location());
        }
        if (name.startsWith("__")) {
            throw new PlanningException(PlanningError.RESERVED_NAME, "'" + name + "' is reserved: names starting with"
                    + " __ are the planner's own columns; choose another name", column.location());
        }
        if (levels && name.equals(ROW_TYPE)) {
            throw new PlanningException(PlanningError.RESERVED_NAME, "'" + ROW_TYPE + "' is reserved: exports of"
                    + " reports with totals add a " + ROW_TYPE + " column; choose another name", column.location());
        }
    }

    private static PlanningException duplicate(Column column, Column earlier) {
        Column derived = column.derived() ? column : earlier.derived() ? earlier : null;
        Column written = derived == column ? earlier : column;
        String message = derived == null
                ? "the report already has a column named '" + column.name() + "'; give this one another name with AS"
                : "'" + column.name() + "' is also the column COMPARE adds for " + derived.role() + " of "
                        + derived.metric() + "; give this one another name with AS";
        return new PlanningException(PlanningError.DUPLICATE_NAME, message, written.location());
    }

    /** The name as PostgreSQL keeps it: its first 63 bytes of UTF-8, never half a character. */
    static String cut(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= NAME_BYTES) {
            return name;
        }
        int bytes = 0;
        int end = 0;
        while (end < name.length()) {
            int codePoint = name.codePointAt(end);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > NAME_BYTES) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return name.substring(0, end);
    }

    /** Where a column is named: its alias, else its expression. */
    private static SourceLocation location(SelectItem item) {
        return item.alias().map(a -> a.location()).orElse(item.expression().location());
    }

    /** Where the level column comes from: TOTALS, else PIVOT BY. */
    private static SourceLocation levelsLocation(Report report) {
        return report.totals().map(t -> t.location())
                .orElseGet(() -> report.pivotBy().isEmpty() ? report.location() : report.pivotBy().get(0).location());
    }
}
