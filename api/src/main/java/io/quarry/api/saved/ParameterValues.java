package io.quarry.api.saved;

import io.quarry.api.problem.Problem;
import io.quarry.ql.ast.ParameterDeclaration;
import io.quarry.ql.ast.ParameterType;
import io.quarry.ql.ast.Report;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks the parameter values of a run against the report's declarations and converts them from
 * JSON to the planner's types: DATE from "YYYY-MM-DD", STRING from a string, INTEGER from a whole
 * number, DECIMAL from a number, BOOLEAN from true/false. Undeclared names and missing values
 * without a default are errors located at {@code /parameters/<name>}.
 */
final class ParameterValues {

    private ParameterValues() {
    }

    static Map<String, Object> of(Report report, Map<String, Object> given) {
        Map<String, ParameterDeclaration> declared = report.parameters().stream()
                .collect(Collectors.toMap(d -> d.name().name(), d -> d));
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<String, Object> entry : given.entrySet()) {
            ParameterDeclaration declaration = declared.get(entry.getKey());
            if (declaration == null) {
                throw error("UNKNOWN_PARAMETER", entry.getKey(), "the report declares no parameter :" + entry.getKey()
                        + (declared.isEmpty() ? "" : "; it declares " + declared.keySet().stream().sorted()
                        .map(n -> ":" + n).collect(Collectors.joining(", "))));
            }
            values.put(entry.getKey(), convert(declaration, entry.getValue()));
        }
        for (ParameterDeclaration declaration : report.parameters()) {
            String name = declaration.name().name();
            if (!values.containsKey(name) && declaration.defaultValue().isEmpty()) {
                throw error("PARAMETER_MISSING", name, "parameter :" + name + " ("
                        + declaration.type().name() + ") has no default and needs a value");
            }
        }
        return values;
    }

    private static Object convert(ParameterDeclaration declaration, Object value) {
        String name = declaration.name().name();
        ParameterType type = declaration.type();
        Object converted = value == null ? null : switch (type) {
            case STRING -> value instanceof String ? value : null;
            case BOOLEAN -> value instanceof Boolean ? value : null;
            case DATE -> value instanceof String text ? date(text) : null;
            case INTEGER -> integer(value);
            case DECIMAL -> value instanceof Number number && !(value instanceof Double d && !Double.isFinite(d))
                    ? new BigDecimal(number.toString()) : null;
        };
        if (converted == null) {
            throw error("PARAMETER_TYPE", name, "parameter :" + name + " is " + type.name() + ", expected "
                    + expected(type) + ", not " + (value == null ? "null" : value));
        }
        return converted;
    }

    /** A date of the supported range (0001-01-01 to 9999-12-31), or null. */
    private static LocalDate date(String text) {
        try {
            LocalDate day = LocalDate.parse(text);
            return day.getYear() >= 1 && day.getYear() <= 9999 ? day : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long integer(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        return null;
    }

    private static String expected(ParameterType type) {
        return switch (type) {
            case STRING -> "a string";
            case BOOLEAN -> "true or false";
            case DATE -> "a date as \"YYYY-MM-DD\"";
            case INTEGER -> "a whole number";
            case DECIMAL -> "a number";
        };
    }

    private static SavedReportException error(String code, String name, String detail) {
        return SavedReportException.badRequest(code, detail, new Problem.Located(code, detail, null, null,
                "/parameters/" + name, null, null));
    }
}
