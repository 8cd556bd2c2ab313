package io.quarry.api.adversarial;

import io.quarry.api.adversarial.SqlOracle.Expected;
import io.quarry.api.adversarial.SqlOracle.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a /reports/pivot answer with the oracle: its row, column and metric names, its
 * columns, each row's cells and total, the column totals and the grand total, value by value.
 */
final class PivotCheck {

    private PivotCheck() {
    }

    /** The problems of a /reports/pivot JSON answer. */
    static List<String> problems(Spec spec, Expected expected, String body) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> answer = Json.object(Json.parse(body));
        List<Integer> rowDims = new ArrayList<>();
        for (int i = 0; i < spec.dims().size(); i++) {
            if (!spec.pivot().contains(i)) {
                rowDims.add(i);
            }
        }
        List<String> metricNames = spec.metrics().stream().map(Spec.MetricItem::outputName).toList();
        checkEqual(problems, "rowDimensions", names(answer.get("rowDimensions")),
                rowDims.stream().map(i -> spec.dims().get(i).outputName()).toList());
        checkEqual(problems, "columnDimensions", names(answer.get("columnDimensions")),
                spec.pivot().stream().map(i -> spec.dims().get(i).outputName()).toList());
        checkEqual(problems, "metrics", names(answer.get("metrics")), metricNames);
        List<List<Integer>> levels = spec.levels();
        int rowLevel = rowDims.isEmpty() ? -1 : 1;
        int columnLevel = rowDims.isEmpty() ? 1 : 2;
        Map<List<String>, Map<List<String>, List<BigDecimal>>> cells = new LinkedHashMap<>();
        Map<List<String>, List<BigDecimal>> rowTotals = new LinkedHashMap<>();
        Map<List<String>, List<BigDecimal>> columnTotals = new LinkedHashMap<>();
        List<BigDecimal> grand = nulls(metricNames.size());
        for (Row row : expected.rows()) {
            List<String> rowKey = pick(row.key(), rowDims);
            List<String> columnKey = pick(row.key(), spec.pivot());
            if (row.level() == 0) {
                cells.computeIfAbsent(rowKey, k -> new LinkedHashMap<>()).put(columnKey, row.values());
            } else if (row.level() == rowLevel) {
                rowTotals.put(rowKey, row.values());
                cells.computeIfAbsent(rowKey, k -> new LinkedHashMap<>());
            } else if (row.level() == columnLevel) {
                columnTotals.put(columnKey, row.values());
            } else if (levels.get(row.level()).isEmpty()) {
                grand = row.values();
            }
        }
        Set<List<String>> columnKeys = new HashSet<>(columnTotals.keySet());
        cells.values().forEach(c -> columnKeys.addAll(c.keySet()));
        List<List<String>> columns = new ArrayList<>();
        for (Object column : list(answer.get("columns"))) {
            columns.add(key(spec, spec.pivot(), list(column)));
        }
        if (!new HashSet<>(columns).equals(columnKeys) || columns.size() != columnKeys.size()) {
            problems.add("pivot columns " + columns + ", expected " + columnKeys);
        }
        List<Object> rows = list(answer.get("rows"));
        if (rows.size() != AnswerCheck.count(spec, cells.size())) {
            problems.add(rows.size() + " pivot rows, expected " + AnswerCheck.count(spec, cells.size()) + " of " + cells.size());
        }
        Object totalRows = Json.object(answer.get("meta")).get("totalRows");
        if (!(totalRows instanceof BigDecimal n) || n.intValue() != cells.size()) {
            problems.add("meta.totalRows " + totalRows + ", expected " + cells.size());
        }
        for (Object item : rows) {
            Map<String, Object> row = Json.object(item);
            List<String> rowKey = key(spec, rowDims, list(row.get("header")));
            if (!cells.containsKey(rowKey)) {
                problems.add("pivot row not in the oracle: " + rowKey);
                continue;
            }
            List<Object> actualCells = list(row.get("cells"));
            if (actualCells.size() != columns.size()) {
                problems.add("pivot row " + rowKey + " has " + actualCells.size() + " cells for " + columns.size()
                        + " columns");
            }
            for (int c = 0; c < Math.min(columns.size(), actualCells.size()); c++) {
                List<BigDecimal> want = cells.get(rowKey).getOrDefault(columns.get(c), nulls(metricNames.size()));
                compare(problems, "cell " + rowKey + " x " + columns.get(c), actualCells.get(c), want, expected);
            }
            compare(problems, "row total " + rowKey, row.get("total"),
                    rowTotals.getOrDefault(rowKey, nulls(metricNames.size())), expected);
        }
        List<Object> actualColumnTotals = list(answer.get("columnTotals"));
        for (int c = 0; c < Math.min(columns.size(), actualColumnTotals.size()); c++) {
            compare(problems, "column total " + columns.get(c), actualColumnTotals.get(c),
                    columnTotals.getOrDefault(columns.get(c), nulls(metricNames.size())), expected);
        }
        compare(problems, "grand total", answer.get("grandTotal"), grand, expected);
        return problems;
    }

    /** The names of the answer's described columns (dimensions or metrics). */
    private static List<Object> names(Object value) {
        return list(value).stream().map(column -> Json.object(column).get("name")).toList();
    }

    /** A list of the answer, absent when empty (the pivot answer leaves empty lists out). */
    private static List<Object> list(Object value) {
        return value == null ? List.of() : Json.array(value);
    }

    private static void compare(List<String> problems, String what, Object actual, List<BigDecimal> expected,
                                Expected oracle) {
        List<BigDecimal> values = AnswerCheck.numbers(list(actual), false, problems);
        if (!AnswerCheck.same(values, expected, oracle.inexact())) {
            problems.add(what + ": " + values + ", expected " + expected);
        }
    }

    private static void checkEqual(List<String> problems, String what, Object actual, List<String> expected) {
        if (!expected.equals(actual)) {
            problems.add(what + " " + actual + ", expected " + expected);
        }
    }

    private static List<String> pick(List<String> key, List<Integer> indexes) {
        List<String> picked = new ArrayList<>();
        indexes.forEach(i -> picked.add(key.get(i)));
        return picked;
    }

    private static List<BigDecimal> nulls(int size) {
        List<BigDecimal> nulls = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nulls.add(null);
        }
        return nulls;
    }

    private static List<String> key(Spec spec, List<Integer> dims, List<Object> values) {
        List<String> key = new ArrayList<>();
        for (int i = 0; i < dims.size() && i < values.size(); i++) {
            key.add(AnswerCheck.text(spec.dims().get(dims.get(i)).dim(), values.get(i), false));
        }
        return key;
    }
}
