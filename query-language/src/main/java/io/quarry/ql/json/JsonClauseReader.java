package io.quarry.ql.json;

import static io.quarry.ql.json.JsonKeywords.keyword;

import com.fasterxml.jackson.core.JsonToken;
import io.quarry.ql.ErrorCode;
import io.quarry.ql.ast.CompareClause;
import io.quarry.ql.ast.CurrencyClause;
import io.quarry.ql.ast.ComparePeriod;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.IntegerLiteral;
import io.quarry.ql.ast.IntegerOrParameter;
import io.quarry.ql.ast.SourceLocation;
import io.quarry.ql.ast.TimeZoneClause;
import io.quarry.ql.ast.Totals;
import io.quarry.ql.internal.Errors;
import io.quarry.ql.internal.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the small clauses of a JSON report: {@code limit} and {@code offset} (integers or
 * parameters), {@code accounts}, {@code totals}, {@code compare} and {@code timezone}.
 */
final class JsonClauseReader {

    private static final List<String> TOTALS_FIELDS = List.of("grand", "subtotals");

    private final JsonExpressionReader expressions;

    JsonClauseReader(JsonExpressionReader expressions) {
        this.expressions = expressions;
    }

    /** A non-negative integer or a parameter string such as {@code ":limit"}. */
    IntegerOrParameter integerOrParameter(JsonCursor cursor) {
        if (cursor.token() == JsonToken.VALUE_NUMBER_INT) {
            return new IntegerLiteral(cursor.nonNegativeLong(), cursor.location());
        }
        if (cursor.token() != JsonToken.VALUE_STRING) {
            throw cursor.wrongType("an integer or a parameter string");
        }
        Expression expression = expressions.expression(cursor, "a string");
        if (expression instanceof IntegerOrParameter value) {
            return value;
        }
        throw cursor.error(ErrorCode.JSON_INVALID_VALUE, "expected an integer or a parameter such as ':limit'");
    }

    /** The array of account ids. */
    List<IntegerOrParameter> accounts(JsonCursor cursor) {
        List<IntegerOrParameter> result = new ArrayList<>();
        cursor.array("an array of account ids", element -> result.add(integerOrParameter(element)));
        return result;
    }

    /** The totals object: a grand total, subtotals, or both. */
    Totals totals(JsonCursor cursor) {
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
                subtotals.add(expressions.expressions(cursor, "an array of dimension strings"));
            }
        });
        List<Expression> dimensions = subtotals.isEmpty() ? List.of() : subtotals.get(0);
        if (!grand[0] && dimensions.isEmpty()) {
            throw cursor.errorAt(ErrorCode.JSON_INVALID_VALUE, "totals need \"grand\": true or at least one subtotal",
                    location, List.of());
        }
        return new Totals(grand[0], dimensions, location);
    }

    /** The comparison period string. */
    CompareClause compare(JsonCursor cursor) {
        return new CompareClause(keyword(cursor, ComparePeriod.class, "comparison period"), cursor.location());
    }

    /** The time zone id string. */
    TimeZoneClause timezone(JsonCursor cursor) {
        String zone = cursor.string("a time zone string");
        if (!Vocabulary.isTimeZone(zone)) {
            throw cursor.error(ErrorCode.INVALID_TIME_ZONE, "unknown time zone " + Errors.quote(zone)
                    + "; expected a zone id such as 'Europe/Helsinki' or 'UTC'");
        }
        return new TimeZoneClause(zone, cursor.location());
    }

    /** The reporting currency's ISO 4217 code. */
    CurrencyClause currency(JsonCursor cursor) {
        String code = cursor.string("a currency code string");
        if (!Vocabulary.isCurrency(code)) {
            throw cursor.error(ErrorCode.INVALID_CURRENCY, "invalid currency " + Errors.quote(code)
                    + "; expected an ISO 4217 code of three capital letters such as 'EUR'");
        }
        return new CurrencyClause(code, cursor.location());
    }
}
