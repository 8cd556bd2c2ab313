package io.quarry.ql.json;

import com.fasterxml.jackson.core.JsonToken;
import io.quarry.ql.ErrorCode;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.FieldRef;
import io.quarry.ql.ast.Identifier;
import io.quarry.ql.ast.Logical;
import io.quarry.ql.ast.LogicalOperator;
import io.quarry.ql.ast.SourceLocation;
import io.quarry.ql.text.TextParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the expression strings of a JSON report: single expressions, names, arrays of expressions
 * and conditions. Each string is parsed with the text grammar's expression rule, so both forms mean
 * the same.
 */
final class JsonExpressionReader {

    private final TextParser text;

    JsonExpressionReader(TextParser text) {
        this.text = text;
    }

    /** The expression string at the current token. */
    Expression expression(JsonCursor cursor, String what) {
        String value = cursor.expressionText(what);
        return text.expression(value, cursor.pointer());
    }

    /** A string that must hold a bare, one-part name, such as a dataset name or an alias. */
    Identifier name(JsonCursor cursor, String what) {
        SourceLocation location = cursor.location();
        Expression expression = expression(cursor, what);
        if (expression instanceof FieldRef field && field.path().size() == 1) {
            return new Identifier(field.path().get(0), location);
        }
        throw cursor.error(ErrorCode.JSON_INVALID_VALUE, "expected " + what + ", found an expression");
    }

    /** An array of expression strings. */
    List<Expression> expressions(JsonCursor cursor, String what) {
        List<Expression> result = new ArrayList<>();
        cursor.array(what, element -> result.add(expression(element, "a string")));
        return result;
    }

    /** A condition string, or an array of condition strings joined with {@code AND}. */
    Optional<Expression> conjunction(JsonCursor cursor) {
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
}
