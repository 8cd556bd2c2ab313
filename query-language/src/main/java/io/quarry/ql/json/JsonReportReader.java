package io.quarry.ql.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.quarry.ql.ErrorCode;
import io.quarry.ql.ParserLimits;
import io.quarry.ql.ast.CompareClause;
import io.quarry.ql.ast.CurrencyClause;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.Identifier;
import io.quarry.ql.ast.IntegerOrParameter;
import io.quarry.ql.ast.ParameterDeclaration;
import io.quarry.ql.ast.Report;
import io.quarry.ql.ast.SelectItem;
import io.quarry.ql.ast.SortItem;
import io.quarry.ql.ast.SourceLocation;
import io.quarry.ql.ast.TimeZoneClause;
import io.quarry.ql.ast.Totals;
import io.quarry.ql.internal.Errors;
import io.quarry.ql.text.TextParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the JSON form of a report. Expression strings are parsed with the text grammar's
 * expression rule, so both forms mean the same. Unknown fields, duplicate fields and wrong types
 * are errors; {@code null} stands for an absent optional field.
 */
public final class JsonReportReader {

    static final List<String> REPORT_FIELDS = List.of("parameters", "from", "dimensions", "metrics", "where",
            "having", "orderBy", "limit", "offset", "pivotBy", "totals", "compare", "accounts", "timezone",
            "currency");

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    private final ParserLimits limits;
    private final JsonExpressionReader expressionReader;
    private final JsonItemReader itemReader;
    private final JsonParameterReader parameterReader;
    private final JsonClauseReader clauseReader;

    public JsonReportReader(TextParser text, ParserLimits limits) {
        this.limits = limits;
        this.expressionReader = new JsonExpressionReader(text);
        this.itemReader = new JsonItemReader(expressionReader);
        this.parameterReader = new JsonParameterReader(expressionReader);
        this.clauseReader = new JsonClauseReader(expressionReader);
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
        private Optional<CurrencyClause> currency = Optional.empty();

        ReportFields(JsonCursor cursor) {
            this.cursor = cursor;
            this.location = cursor.token() == null ? SourceLocation.json("", 1, 1) : cursor.location();
        }

        Report read() {
            cursor.object("a report object", REPORT_FIELDS, this::field);
            if (dimensions.isEmpty() && metrics.isEmpty()) {
                throw cursor.errorAt(ErrorCode.EMPTY_REPORT, "a report needs at least one dimension or metric",
                        location, List.of("'dimensions'", "'metrics'"));
            }
            return new Report(parameters, dataset, dimensions, metrics, where, having, orderBy, limit, offset,
                    pivotBy, totals, compare, accounts, timezone, currency, location);
        }

        private void field(String name) {
            if (cursor.token() == JsonToken.VALUE_NULL) {
                return;
            }
            switch (name) {
                case "parameters" -> parameters = parameterReader.parameters(cursor);
                case "from" -> dataset = Optional.of(expressionReader.name(cursor, "a dataset name"));
                case "dimensions" -> dimensions = itemReader.items(cursor, "an array of dimensions");
                case "metrics" -> metrics = itemReader.items(cursor, "an array of metrics");
                case "where" -> where = expressionReader.conjunction(cursor);
                case "having" -> having = expressionReader.conjunction(cursor);
                case "orderBy" -> orderBy = itemReader.sortItems(cursor);
                case "limit" -> limit = Optional.of(clauseReader.integerOrParameter(cursor));
                case "offset" -> offset = Optional.of(clauseReader.integerOrParameter(cursor));
                case "pivotBy" -> pivotBy = expressionReader.expressions(cursor, "an array of dimension strings");
                case "totals" -> totals = Optional.of(clauseReader.totals(cursor));
                case "compare" -> compare = Optional.of(clauseReader.compare(cursor));
                case "accounts" -> accounts = clauseReader.accounts(cursor);
                case "timezone" -> timezone = Optional.of(clauseReader.timezone(cursor));
                case "currency" -> currency = Optional.of(clauseReader.currency(cursor));
                default -> throw new IllegalStateException(name);
            }
        }
    }
}
