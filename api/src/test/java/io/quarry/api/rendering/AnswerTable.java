package io.quarry.api.rendering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a third-party UI does with an answer: renders it as a text table from the answer alone
 * (column labels, formats, currencies, grains, pivot header labels), knowing no metric or
 * dimension name. Fails on an answer that lacks what rendering needs.
 */
final class AnswerTable {

    private AnswerTable() {
    }

    /** A /query answer: a header of labels, then each detail and total row. */
    static List<String> rows(Map<String, Object> answer) {
        List<Map<String, Object>> columns = list(answer.get("columns"));
        List<String> lines = new ArrayList<>();
        lines.add(String.join(" | ", columns.stream().map(AnswerTable::heading).toList()));
        for (List<Object> row : AnswerTable.<List<Object>>list(answer.get("rows"))) {
            lines.add(line(row, columns));
        }
        for (Map<String, Object> total : AnswerTable.<Map<String, Object>>list(answer.get("totals"))) {
            lines.add(require(total, "level") + ": " + line(list(total.get("values")), columns));
        }
        return lines;
    }

    /** A /pivot answer: row dimension labels and each column's labels x metric, then each row and the totals. */
    static List<String> pivot(Map<String, Object> answer) {
        List<Map<String, Object>> rowDimensions = list(answer.get("rowDimensions"));
        List<Map<String, Object>> metrics = list(answer.get("metrics"));
        list(answer.get("columnDimensions")).forEach(d -> heading(cast(d)));
        List<String> heading = new ArrayList<>(rowDimensions.stream().map(AnswerTable::heading).toList());
        for (List<String> labels : AnswerTable.<List<String>>list(answer.get("columnLabels"))) {
            metrics.forEach(m -> heading.add(String.join(" / ", labels) + " " + heading(m)));
        }
        List<String> lines = new ArrayList<>(List.of(String.join(" | ", heading)));
        for (Map<String, Object> row : AnswerTable.<Map<String, Object>>list(answer.get("rows"))) {
            List<String> cells = new ArrayList<>(AnswerTable.<String>list(row.get("labels")));
            for (List<Object> cell : AnswerTable.<List<Object>>list(row.get("cells"))) {
                cells.add(line(cell, metrics));
            }
            cells.add("total " + line(list(row.get("total")), metrics));
            lines.add(String.join(" | ", cells));
        }
        lines.add("grand total " + line(list(answer.get("grandTotal")), metrics));
        return lines;
    }

    private static String heading(Map<String, Object> column) {
        String label = (String) require(column, "label");
        require(column, "type");
        String format = (String) require(column, "format");
        if (!column.containsKey("grain") || !column.containsKey("currency")) {
            throw new AssertionError("column without grain or currency key: " + column);
        }
        if ("dimension".equals(column.get("kind")) && "date".equals(format) && column.get("grain") == null) {
            throw new AssertionError("a time dimension without its grain: " + column);
        }
        return label + (column.get("currency") != null ? " (" + column.get("currency") + ")" : "")
                + (column.get("grain") != null ? " [" + column.get("grain") + "]" : "");
    }

    private static String line(List<Object> values, List<Map<String, Object>> columns) {
        if (values.size() != columns.size()) {
            throw new AssertionError(values.size() + " values for " + columns.size() + " columns");
        }
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            cells.add(format(values.get(i), (String) columns.get(i).get("format")));
        }
        return String.join(" | ", cells);
    }

    private static String format(Object value, String format) {
        if (value == null) {
            return "";
        }
        return switch (format) {
            case "integer" -> String.format("%,d", new BigDecimal(value.toString()).longValueExact());
            case "currency" -> new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP).toPlainString();
            case "percent" -> new BigDecimal(value.toString()).movePointRight(2).setScale(2, RoundingMode.HALF_UP) + "%";
            case "number" -> new BigDecimal(value.toString()).setScale(4, RoundingMode.HALF_UP).toPlainString();
            case "date", "text" -> value.toString();
            default -> throw new AssertionError("unknown format " + format);
        };
    }

    private static Object require(Map<String, Object> object, String key) {
        Object value = object.get(key);
        if (value == null) {
            throw new AssertionError("no " + key + " in " + object);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object value) {
        if (value == null) {
            throw new AssertionError("a list is missing (empty answers keep every key)");
        }
        return (List<T>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
