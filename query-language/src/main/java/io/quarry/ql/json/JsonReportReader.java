package io.quarry.ql.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.quarry.ql.ErrorCode;
import io.quarry.ql.ParserLimits;
import io.quarry.ql.ast.ComparePeriod;
import io.quarry.ql.ast.CompareClause;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.FieldRef;
import io.quarry.ql.ast.Identifier;
import io.quarry.ql.ast.IntegerLiteral;
import io.quarry.ql.ast.IntegerOrParameter;
import io.quarry.ql.ast.Logical;
import io.quarry.ql.ast.LogicalOperator;
import io.quarry.ql.ast.NullOrdering;
import io.quarry.ql.ast.ParameterDeclaration;
import io.quarry.ql.ast.ParameterType;
import io.quarry.ql.ast.Report;
import io.quarry.ql.ast.SelectItem;
import io.quarry.ql.ast.SortItem;
import io.quarry.ql.ast.SortOrder;
import io.quarry.ql.ast.SourceLocation;
import io.quarry.ql.ast.TimeZoneClause;
import io.quarry.ql.ast.Totals;
import io.quarry.ql.internal.Errors;
import io.quarry.ql.internal.Vocabulary;
import io.quarry.ql.text.TextParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the JSON form of a report. Expression strings are parsed with the text grammar's
 * expression rule, so both forms mean the same. Unknown fields, duplicate fields and wrong types
 * are errors; {@code null} stands for an absent optional field.
 */
public final class JsonReportReader {

    static final List<String> REPORT_FIELDS = List.of("parameters", "from", "dimensions", "metrics", "where",
            "having", "orderBy", "limit", "offset", "pivotBy", "totals", "compare", "accounts", "timezone");
    private static final List<String> ITEM_FIELDS = List.of("expression", "as");
    private static final List<String> SORT_FIELDS = List.of("expression", "direction", "nulls");
    private static final List<String> PARAMETER_FIELDS = List.of("name", "type", "default");
    private static final List<String> TOTALS_FIELDS = List.of("grand", "subtotals");

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    private final TextParser text;
    private final ParserLimits limits;

    public JsonReportReader(TextParser text, ParserLimits limits) {
        this.text = text;
        this.limits = limits;
    }

    /** Parses a whole JSON report. */
    public Report read(String json) {
        if (json.length() > limits.maxJsonLength()) {
            throw Errors.at(ErrorCode.INPUT_TOO_LONG, "JSON report is " + json.length()
                    + " characters long; the limit is " + limits.maxJsonLength(), SourceLocation.json("", 1, 1), json);
        }
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonCursor cursor = new JsonCursor(parser, json);
            cursor.next();
            Report report = new ReportFields(cursor).read();
            if (cursor.next() != null) {
                throw cursor.error(ErrorCode.INVALID_JSON, "unexpected content after the report object");
            }
            return report;
        } catch (UncheckedIOException e) {
            throw invalidJson(e.getCause(), json);
        } catch (IOException e) {
            throw invalidJson(e, json);
        }
    }

    private static RuntimeException invalidJson(IOException cause, String json) {
        JsonLocation location = cause instanceof JsonProcessingException processing ? processing.getLocation() : null;
        String message = cause instanceof JsonProcessingException processing
                ? processing.getOriginalMessage() : cause.getMessage();
        message = message == null ? "malformed JSON" : message.lines().findFirst().orElse("malformed JSON")
                .replaceAll("\\s*\\(start marker at .*\\)$", "");
        int line = location == null ? 1 : Math.max(1, location.getLineNr());
        int column = location == null ? 1 : Math.max(1, location.getColumnNr());
        return Errors.at(ErrorCode.INVALID_JSON, "invalid JSON: " + message, SourceLocation.json(null, line, column),
                json);
    }

    /** Reads the report object; holds the values read so far (local to one read). */
    private final class ReportFields {
        private final JsonCursor cursor;
        private final SourceLocation location;
        private List<ParameterDeclaration> parameters = List.of();
        private Optional<Identifier> dataset = Optional.empty();
        private List<SelectItem> dimensions = List.of();
        private List<SelectItem> metrics = List.of();
        private Optional<Expression> where = Optional.empty();
        private Optional<Expression> having = Optional.empty();
        private List<SortItem> orderBy = List.of();
        private Optional<IntegerOrParameter> limit = Optional.empty();
        private Optional<IntegerOrParameter> offset = Optional.empty();
        private List<Expression> pivotBy = List.of();
        private Optional<Totals> totals = Optional.empty();
        private Optional<CompareClause> compare = Optional.empty();
        private List<IntegerOrParameter> accounts = List.of();
        private Optional<TimeZoneClause> timezone = Optional.empty();

        ReportFields(JsonCursor cursor) {
            this.cursor = cursor;
            this.location = cursor.token() == null ? SourceLocation.json("", 1, 1) : cursor.location();
        }

        Report read() {
            cursor.object("a report object", REPORT_FIELDS, this::field);
            if (dimensions.isEmpty() && metrics.isEmpty()) {
                throw cursor.errorAt(ErrorCode.EMPTY_REPORT, "a report needs at least one dimension or metric", location, List.of("'dimensions'", "'metrics'"));
            }
            return new Report(parameters, dataset, dimensions, metrics, where, having, orderBy, limit, offset,
                    pivotBy, totals, compare, accounts, timezone, location);
        }

        private void field(String name) {
            if (cursor.token() == JsonToken.VALUE_NULL) {
                return;
            }
            switch (name) {
                case "parameters" -> parameters = parameters(cursor);
                case "from" -> dataset = Optional.of(name(cursor, "a dataset name"));
                case "dimensions" -> dimensions = items(cursor, "an array of dimensions");
                case "metrics" -> metrics = items(cursor, "an array of metrics");
                case "where" -> where = conjunction(cursor);
                case "having" -> having = conjunction(cursor);
                case "orderBy" -> orderBy = sortItems(cursor);
                case "limit" -> limit = Optional.of(integerOrParameter(cursor));
                case "offset" -> offset = Optional.of(integerOrParameter(cursor));
                case "pivotBy" -> pivotBy = expressions(cursor, "an array of dimension strings");
                case "totals" -> totals = Optional.of(totals(cursor));
                case "compare" -> compare = Optional.of(new CompareClause(
                        keyword(cursor, ComparePeriod.class, "comparison period"), cursor.location()));
                case "accounts" -> accounts = accounts(cursor);
                case "timezone" -> timezone = Optional.of(timezone(cursor));
                default -> throw new IllegalStateException(name);
            }
        }
    }

    private Expression expression(JsonCursor cursor, String what) {
        String value = cursor.string(what);
        return text.expression(value, cursor.pointer());
    }

    private Identifier name(JsonCursor cursor, String what) {
        SourceLocation location = cursor.location();
        Expression expression = expression(cursor, what);
        if (expression instanceof FieldRef field && field.path().size() == 1) {
            return new Identifier(field.path().get(0), location);
        }
        throw cursor.error(ErrorCode.JSON_INVALID_VALUE, "expected " + what + ", found an expression");
    }

    private List<SelectItem> items(JsonCursor cursor, String what) {
        List<SelectItem> result = new ArrayList<>();
        cursor.array(what, element -> result.add(item(element)));
        return result;
    }

    private List<Expression> expressions(JsonCursor cursor, String what) {
        List<Expression> result = new ArrayList<>();
        cursor.array(what, element -> result.add(expression(element, "a string")));
        return result;
    }

    private SelectItem item(JsonCursor cursor) {
        SourceLocation location = cursor.location();
        if (cursor.token() == JsonToken.VALUE_STRING) {
            return new SelectItem(expression(cursor, "a string"), Optional.empty(), location);
        }
        Expression[] expression = new Expression[1];
        Identifier[] alias = new Identifier[1];
        if (cursor.token() != JsonToken.START_OBJECT) {
            throw cursor.wrongType("a string or an object with 'expression' and 'as'");
        }
        cursor.object("an item object", ITEM_FIELDS, field -> {
            if (field.equals("expression")) {
                expression[0] = expression(cursor, "an expression string");
            } else if (cursor.token() != JsonToken.VALUE_NULL) {
                alias[0] = name(cursor, "an alias name");
            }
        });
        return new SelectItem(required(cursor, expression[0], "expression", location), Optional.ofNullable(alias[0]),
                location);
    }

    private <T> T required(JsonCursor cursor, T value, String field, SourceLocation object) {
        if (value == null) {
            throw cursor.errorAt(ErrorCode.JSON_MISSING_FIELD, "missing field '" + field + "'", object, List.of("'" + field + "'"));
        }
        return value;
    }

    private Optional<Expression> conjunction(JsonCursor cursor) {
        SourceLocation location = cursor.location();
        if (cursor.token() == JsonToken.VALUE_STRING) {
            return Optional.of(expression(cursor, "a string"));
        }
        List<Expression> terms = expressions(cursor, "a condition string or an array of condition strings");
        if (terms.size() < 2) {
            return terms.stream().findFirst();
        }
        return Optional.of(new Logical(LogicalOperator.AND, terms, location));
    }

    private List<SortItem> sortItems(JsonCursor cursor) {
        List<SortItem> result = new ArrayList<>();
        cursor.array("an array of sort keys", element -> {
            SourceLocation location = element.location();
            if (element.token() == JsonToken.VALUE_STRING) {
                result.add(new SortItem(expression(element, "a string"), SortOrder.ASC, NullOrdering.UNSPECIFIED,
                        location));
                return;
            }
            Expression[] key = new Expression[1];
            SortOrder[] order = {SortOrder.ASC};
            NullOrdering[] nulls = {NullOrdering.UNSPECIFIED};
            if (element.token() != JsonToken.START_OBJECT) {
                throw element.wrongType("a string or an object with 'expression', 'direction' and 'nulls'");
            }
            element.object("a sort object", SORT_FIELDS, field -> {
                if (element.token() == JsonToken.VALUE_NULL && !field.equals("expression")) {
                    return;
                }
                switch (field) {
                    case "expression" -> key[0] = expression(element, "an expression string");
                    case "direction" -> order[0] = keyword(element, SortOrder.class, "sort direction");
                    default -> nulls[0] = keyword(element, List.of(NullOrdering.FIRST, NullOrdering.LAST),
                            "null ordering");
                }
            });
            result.add(new SortItem(required(element, key[0], "expression", location), order[0], nulls[0], location));
        });
        return result;
    }

    private IntegerOrParameter integerOrParameter(JsonCursor cursor) {
        if (cursor.token() == JsonToken.VALUE_NUMBER_INT) {
            return new IntegerLiteral(cursor.nonNegativeLong(), cursor.location());
        }
        if (cursor.token() != JsonToken.VALUE_STRING) {
            throw cursor.wrongType("an integer or a parameter string");
        }
        Expression expression = expression(cursor, "a string");
        if (expression instanceof IntegerOrParameter value) {
            return value;
        }
        throw cursor.error(ErrorCode.JSON_INVALID_VALUE, "expected an integer or a parameter such as ':limit'");
    }

    private List<IntegerOrParameter> accounts(JsonCursor cursor) {
        List<IntegerOrParameter> result = new ArrayList<>();
        cursor.array("an array of account ids", element -> result.add(integerOrParameter(element)));
        return result;
    }

    private Totals totals(JsonCursor cursor) {
        SourceLocation location = cursor.location();
        boolean[] grand = {false};
        List<List<Expression>> subtotals = new ArrayList<>();
        cursor.object("the totals object", TOTALS_FIELDS, field -> {
            if (cursor.token() == JsonToken.VALUE_NULL) {
                return;
            }
            if (field.equals("grand")) {
                grand[0] = cursor.bool();
            } else {
                subtotals.add(expressions(cursor, "an array of dimension strings"));
            }
        });
        List<Expression> dimensions = subtotals.isEmpty() ? List.of() : subtotals.get(0);
        if (!grand[0] && dimensions.isEmpty()) {
            throw cursor.errorAt(ErrorCode.JSON_INVALID_VALUE, "totals need \"grand\": true or at least one subtotal", location, List.of());
        }
        return new Totals(grand[0], dimensions, location);
    }

    private TimeZoneClause timezone(JsonCursor cursor) {
        String zone = cursor.string("a time zone string");
        if (!Vocabulary.isTimeZone(zone)) {
            throw cursor.error(ErrorCode.INVALID_TIME_ZONE, "unknown time zone " + Errors.quote(zone)
                    + "; expected a zone id such as 'Europe/Helsinki' or 'UTC'");
        }
        return new TimeZoneClause(zone, cursor.location());
    }

    private List<ParameterDeclaration> parameters(JsonCursor cursor) {
        List<ParameterDeclaration> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        cursor.array("an array of parameter objects", element -> {
            SourceLocation location = element.location();
            Identifier[] name = new Identifier[1];
            ParameterType[] type = new ParameterType[1];
            Expression[] defaultValue = new Expression[1];
            SourceLocation[] defaultLocation = new SourceLocation[1];
            element.object("a parameter object", PARAMETER_FIELDS, field -> {
                switch (field) {
                    case "name" -> name[0] = parameterName(element, seen);
                    case "type" -> type[0] = keyword(element, ParameterType.class, "parameter type");
                    default -> {
                        if (element.token() != JsonToken.VALUE_NULL) {
                            defaultLocation[0] = element.location();
                            defaultValue[0] = expression(element, "a literal string such as \"DATE '2026-01-01'\"");
                        }
                    }
                }
            });
            required(element, name[0], "name", location);
            required(element, type[0], "type", location);
            if (defaultValue[0] != null) {
                Optional<String> problem = Vocabulary.defaultProblem(type[0], defaultValue[0]);
                if (problem.isPresent()) {
                    throw element.errorAt(ErrorCode.INVALID_PARAMETER_DEFAULT, problem.get(), defaultLocation[0], List.of());
                }
            }
            result.add(new ParameterDeclaration(name[0], type[0], Optional.ofNullable(defaultValue[0]), location));
        });
        return result;
    }

    private static Identifier parameterName(JsonCursor cursor, Set<String> seen) {
        String name = Vocabulary.fold(cursor.string("a parameter name string"));
        if (!Vocabulary.PARAMETER_NAME.matcher(name).matches()) {
            throw cursor.error(ErrorCode.INVALID_IDENTIFIER, "parameter name " + Errors.quote(name)
                    + " must be letters, digits and underscores, starting with a letter or underscore");
        }
        if (!seen.add(name)) {
            throw cursor.error(ErrorCode.DUPLICATE_PARAMETER, "parameter " + Errors.quote(name) + " is declared twice");
        }
        return new Identifier(name, cursor.location());
    }

    private static <E extends Enum<E>> E keyword(JsonCursor cursor, Class<E> type, String what) {
        return keyword(cursor, List.of(type.getEnumConstants()), what);
    }

    private static <E extends Enum<E>> E keyword(JsonCursor cursor, List<E> allowed, String what) {
        String value = cursor.string("a " + what + " string");
        List<String> names = allowed.stream().map(Enum::name).toList();
        for (E constant : allowed) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        ErrorCode code = what.equals("comparison period") ? ErrorCode.UNKNOWN_COMPARE_PERIOD
                : what.equals("parameter type") ? ErrorCode.UNKNOWN_PARAMETER_TYPE : ErrorCode.JSON_INVALID_VALUE;
        throw cursor.error(code, "unknown " + what + " " + Errors.quote(value) + "; expected " + Errors.oneOf(names),
                names);
    }
}
