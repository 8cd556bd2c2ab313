package io.quarry.api.adversarial;

import io.quarry.api.adversarial.Catalog.Dim;
import io.quarry.api.adversarial.SqlOracle.Expected;
import io.quarry.api.adversarial.SqlOracle.Row;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Compares an answer of /reports/query (JSON, CSV or NDJSON) or /reports/pivot (JSON) with the
 * oracle's expected rows, value by value: dimension values as text, metrics exactly (quotients
 * to the last digit the database gave). Every difference is a problem; whether it is a leak is
 * decided by {@link IsolationRun} (by the sentinel marks, account ids, or an oracle over every account).
 */
final class AnswerCheck {

    /** A row of a rows answer: "detail" or the kind of total, and its values in column order. */
    record Actual(String kind, List<Object> values) {
    }

    /** How a metric column compares: exactly, as a quotient the database rounded, as the change of two such. */
    static final int EXACT = 0;
    static final int QUOTIENT = 1;
    static final int CHANGE_OF_QUOTIENTS = 2;

    private AnswerCheck() {
    }

    /** The rows of a /reports/query answer in {@code format} (json, csv, ndjson), with its column names. */
    static List<Actual> parseRows(String format, String body, List<String> columns) throws IOException {
        List<Actual> rows = new ArrayList<>();
        switch (format) {
            case "json" -> {
                Map<String, Object> answer = Json.object(Json.parse(body));
                for (Object column : Json.array(answer.get("columns"))) {
                    columns.add((String) Json.object(column).get("name"));
                }
                for (Object row : Json.array(answer.get("rows"))) {
                    rows.add(new Actual("detail", Json.array(row)));
                }
                for (Object total : Json.array(answer.get("totals"))) {
                    Map<String, Object> t = Json.object(total);
                    rows.add(new Actual((String) t.get("level"), Json.array(t.get("values"))));
                }
            }
            case "csv" -> {
                try (CSVParser parser = CSVParser.parse(new StringReader(body), CSVFormat.RFC4180)) {
                    List<CSVRecord> records = parser.getRecords();
                    List<String> header = records.get(0).toList();
                    boolean totals = header.get(header.size() - 1).equals("row_type");
                    columns.addAll(totals ? header.subList(0, header.size() - 1) : header);
                    for (CSVRecord record : records.subList(1, records.size())) {
                        List<Object> values = new ArrayList<>(record.toList());
                        String kind = totals ? (String) values.remove(values.size() - 1) : "detail";
                        rows.add(new Actual(kind, values));
                    }
                }
            }
            default -> {
                for (Object line : Json.parseLines(body)) {
                    Map<String, Object> object = new LinkedHashMap<>(Json.object(line));
                    Object kind = object.remove("row_type");
                    if (columns.isEmpty()) {
                        columns.addAll(object.keySet());
                    }
                    rows.add(new Actual(kind == null ? "detail" : kind.toString(), new ArrayList<>(object.values())));
                }
            }
        }
        return rows;
    }

    /** The problems of a rows answer (an empty list when it is exactly the expected one). */
    static List<String> rows(Spec spec, Expected expected, List<String> columns, List<Actual> rows, boolean csv) {
        List<String> problems = new ArrayList<>();
        int dims = spec.dims().size();
        if (!(rows.isEmpty() && columns.isEmpty()) && !columns.equals(spec.columns())) {
            problems.add("columns " + columns + ", expected " + spec.columns());
            return problems;
        }
        Map<List<String>, List<BigDecimal>> detail = new LinkedHashMap<>();
        expected.level(0).forEach(r -> detail.put(r.key(), r.values()));
        Set<List<String>> seen = new HashSet<>();
        List<Row> totals = new ArrayList<>(expected.rows().stream().filter(r -> r.level() > 0).toList());
        List<List<Integer>> levels = spec.levels();
        for (Actual row : rows) {
            List<String> key = key(spec, row.values().subList(0, dims), csv);
            List<BigDecimal> values = numbers(row.values().subList(dims, row.values().size()), csv, problems);
            if (row.kind().equals("detail")) {
                if (!seen.add(key)) {
                    problems.add("duplicate row " + key);
                } else if (!detail.containsKey(key)) {
                    problems.add("row not in the oracle: " + key + " " + values);
                } else if (!same(values, detail.get(key), expected.inexact())) {
                    problems.add("row " + key + ": " + values + ", expected " + detail.get(key));
                }
                continue;
            }
            Row match = null;
            for (Row total : totals) {
                String kind = levels.get(total.level()).isEmpty() ? "grand" : "subtotal";
                if (kind.equals(row.kind()) && total.key().equals(key) && same(values, total.values(), expected.inexact())) {
                    match = total;
                    break;
                }
            }
            if (match == null) {
                problems.add(row.kind() + " total " + key + " " + values + " is none of the expected " + totals);
            } else {
                totals.remove(match);
            }
        }
        if (!totals.isEmpty()) {
            problems.add("missing totals " + totals);
        }
        long expectedCount = count(spec, detail.size());
        if (seen.size() != expectedCount) {
            problems.add(seen.size() + " detail rows, expected " + expectedCount + (spec.limit() == null ? ""
                    : " (" + detail.size() + " before LIMIT " + spec.limit() + " OFFSET " + spec.offset() + ")"));
        }
        return problems;
    }

    /**
     * The problems of a JSON rows answer's meta: {@code totalRows} is the oracle's number of detail
     * rows (unknown, null, only for a page past the last row), {@code offset} and {@code limit} echo
     * the report's, {@code truncated} says whether the page leaves rows out.
     */
    static List<String> meta(Spec spec, Expected expected, String body) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Object> meta = Json.object(Json.object(Json.parse(body)).get("meta"));
        long all = expected.level(0).size();
        long offset = spec.offset() == null ? 0 : spec.offset();
        long returned = count(spec, all);
        boolean pastTheEnd = returned == 0 && offset > 0;
        Object total = meta.get("totalRows");
        if (pastTheEnd ? total != null : !(total instanceof BigDecimal n && n.longValue() == all)) {
            problems.add("meta.totalRows " + total + ", expected " + (pastTheEnd ? null : all));
        }
        boolean truncated = pastTheEnd || returned < all;
        if (!Boolean.valueOf(truncated).equals(meta.get("truncated"))) {
            problems.add("meta.truncated " + meta.get("truncated") + ", expected " + truncated);
        }
        if (!same(meta.get("offset"), spec.offset()) || !same(meta.get("limit"), spec.limit())) {
            problems.add("meta.offset/limit " + meta.get("offset") + "/" + meta.get("limit") + ", expected "
                    + spec.offset() + "/" + spec.limit());
        }
        return problems;
    }

    private static boolean same(Object echoed, Long value) {
        return value == null ? echoed == null : echoed instanceof BigDecimal n && n.longValue() == value;
    }

    /** The dimension values of every detail row of a rows answer (none for a pivot). */
    static List<List<String>> detailKeys(Spec spec, String format, String body) throws IOException {
        List<List<String>> keys = new ArrayList<>();
        if (!format.equals("pivot")) {
            for (Actual row : parseRows(format, body, new ArrayList<>())) {
                if (row.kind().equals("detail") && row.values().size() >= spec.dims().size()) {
                    keys.add(key(spec, row.values().subList(0, spec.dims().size()), format.equals("csv")));
                }
            }
        }
        return keys;
    }

    /** How many rows LIMIT and OFFSET leave of {@code rows}. */
    static long count(Spec spec, long rows) {
        long offset = spec.offset() == null ? 0 : spec.offset();
        long left = Math.max(0, rows - offset);
        return spec.limit() == null ? left : Math.min(spec.limit(), left);
    }

    static List<String> key(Spec spec, List<Object> values, boolean csv) {
        List<String> key = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            key.add(text(spec.dims().get(i).dim(), values.get(i), csv));
        }
        return key;
    }

    /** A dimension value as the oracle writes it: ids as plain numbers, time buckets as their first day. */
    static String text(Dim dim, Object value, boolean csv) {
        if (value == null) {
            return null;
        }
        String text = value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        if (csv && text.isEmpty()) {
            return null;
        }
        return dim.isDate() && text.matches("\\d{4}-\\d{2}-\\d{2}.*") ? text.substring(0, 10) : text;
    }

    static List<BigDecimal> numbers(List<Object> values, boolean csv, List<String> problems) {
        List<BigDecimal> numbers = new ArrayList<>();
        for (Object value : values) {
            if (value == null || csv && value.toString().isEmpty()) {
                numbers.add(null);
            } else if (value instanceof BigDecimal number) {
                numbers.add(number);
            } else {
                try {
                    numbers.add(new BigDecimal(value.toString()));
                } catch (NumberFormatException e) {
                    problems.add("metric value is no number: " + value);
                    numbers.add(null);
                }
            }
        }
        return numbers;
    }

    /**
     * Equal values: exact; a quotient within the last digit the database gave (or 14 significant
     * digits); the change of two quotients (the two columns before it) within what their rounding
     * can make of it: (ulp(now) + ulp(before)) / |before|.
     */
    static boolean same(List<BigDecimal> actual, List<BigDecimal> expected, int[] kinds) {
        if (actual.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < actual.size(); i++) {
            BigDecimal a = actual.get(i);
            BigDecimal e = expected.get(i);
            int kind = i < kinds.length ? kinds[i] : EXACT;
            if (a == null || e == null) {
                if (a != e) {
                    return false;
                }
            } else if (kind == EXACT) {
                if (a.compareTo(e) != 0) {
                    return false;
                }
            } else {
                BigDecimal error = a.subtract(e).abs();
                BigDecimal bound = ulp(a).max(e.abs().movePointLeft(14));
                if (kind == CHANGE_OF_QUOTIENTS && i >= 2 && actual.get(i - 1) != null && actual.get(i - 2) != null
                        && actual.get(i - 1).signum() != 0) {
                    bound = bound.add(ulp(actual.get(i - 2)).add(ulp(actual.get(i - 1))).multiply(BigDecimal.valueOf(4))
                            .divide(actual.get(i - 1).abs(), java.math.MathContext.DECIMAL64));
                }
                if (error.compareTo(bound) > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static BigDecimal ulp(BigDecimal value) {
        return BigDecimal.ONE.movePointLeft(Math.max(value.scale(), 0));
    }
}
