package io.quarry.ql.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.quarry.ql.ErrorCode;
import io.quarry.ql.QueryLanguageException;
import io.quarry.ql.ast.SourceLocation;
import io.quarry.ql.internal.Errors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A thin layer over {@link JsonParser} that knows the JSON pointer and position of the current
 * token and turns every problem into a {@link QueryLanguageException}. Not thread-safe; one per
 * document.
 */
final class JsonCursor {

    private final JsonParser parser;
    private final String json;

    JsonCursor(JsonParser parser, String json) {
        this.parser = parser;
        this.json = json;
    }

    JsonToken next() {
        try {
            return parser.nextToken();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonToken token() {
        return parser.currentToken();
    }

    private String currentName() {
        try {
            return parser.currentName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The RFC 6901 pointer of the current value. */
    String pointer() {
        return parser.getParsingContext().pathAsPointer().toString();
    }

    SourceLocation location() {
        JsonLocation location = parser.currentTokenLocation();
        return SourceLocation.json(pointer(), Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    QueryLanguageException error(ErrorCode code, String detail) {
        return Errors.at(code, detail, location(), json, tokenText(), List.of());
    }

    QueryLanguageException errorAt(ErrorCode code, String detail, SourceLocation location, List<String> expected) {
        return Errors.at(code, detail, location, json, null, expected);
    }

    QueryLanguageException error(ErrorCode code, String detail, List<String> expected) {
        return Errors.at(code, detail, location(), json, tokenText(), expected);
    }

    /** {@code value}, or a missing-field error at the {@code object} that lacks {@code field}. */
    <T> T required(T value, String field, SourceLocation object) {
        if (value == null) {
            throw errorAt(ErrorCode.JSON_MISSING_FIELD, "missing field '" + field + "'", object,
                    List.of("'" + field + "'"));
        }
        return value;
    }

    private String tokenText() {
        try {
            JsonToken token = parser.currentToken();
            if (token == null) {
                return null;
            }
            return token == JsonToken.FIELD_NAME ? parser.currentName() : parser.getText();
        } catch (IOException e) {
            return null;
        }
    }

    QueryLanguageException wrongType(String expected) {
        return error(ErrorCode.JSON_WRONG_TYPE, "expected " + expected + ", found " + describe(token()),
                List.of(expected));
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "end of input";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    /**
     * The current token's string value; the current token must be a string, without NUL
     * (U+0000), which PostgreSQL text cannot hold.
     */
    String string(String expected) {
        String value = expressionText(expected);
        if (value.indexOf('\0') >= 0) {
            throw error(ErrorCode.NUL_CHARACTER, "a string must not contain the NUL character (U+0000)");
        }
        return value;
    }

    /**
     * The current token's string value, read as an expression: the expression parser refuses a NUL
     * in it where it stands, inside the string.
     */
    String expressionText(String expected) {
        if (token() != JsonToken.VALUE_STRING) {
            throw wrongType(expected);
        }
        try {
            return parser.getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean bool() {
        if (token() != JsonToken.VALUE_TRUE && token() != JsonToken.VALUE_FALSE) {
            throw wrongType("a boolean");
        }
        return token() == JsonToken.VALUE_TRUE;
    }

    /** A non-negative 64-bit integer; the current token must be an integer. */
    long nonNegativeLong() {
        try {
            if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw error(ErrorCode.JSON_INVALID_VALUE, "integer " + parser.getText() + " is out of range");
            }
            long value = parser.getLongValue();
            if (value < 0) {
                throw error(ErrorCode.JSON_INVALID_VALUE, "expected a non-negative integer, found " + value);
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the object at the current token field by field. {@code field} is called with the cursor on
     * the field's value; it returns {@code false} for an unknown field. Duplicate and unknown fields are
     * errors.
     */
    void object(String what, List<String> fields, FieldReader field) {
        if (token() != JsonToken.START_OBJECT) {
            throw wrongType(what);
        }
        Set<String> seen = new HashSet<>();
        while (next() == JsonToken.FIELD_NAME) {
            String name = currentName();
            if (name.indexOf('\0') >= 0) {
                JsonLocation at = parser.currentTokenLocation();
                throw errorAt(ErrorCode.NUL_CHARACTER, "a field name must not contain the NUL character (U+0000)",
                        SourceLocation.json(parser.getParsingContext().getParent().pathAsPointer().toString(),
                                Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr())), List.of());
            }
            if (!seen.add(name)) {
                throw error(ErrorCode.JSON_DUPLICATE_FIELD, "field " + Errors.quote(name) + " is given twice");
            }
            if (!fields.contains(name)) {
                throw error(ErrorCode.JSON_UNKNOWN_FIELD, "unknown field " + Errors.quote(name) + " in " + what
                        + "; expected " + Errors.oneOf(fields.stream().map(f -> "'" + f + "'").toList()), fields);
            }
            next();
            field.read(name);
        }
    }

    /** Reads the array at the current token, calling {@code element} with the cursor on each element. */
    void array(String what, Consumer<JsonCursor> element) {
        if (token() != JsonToken.START_ARRAY) {
            throw wrongType(what);
        }
        while (next() != JsonToken.END_ARRAY) {
            element.accept(this);
        }
    }

    /** Reads one field's value. */
    @FunctionalInterface
    interface FieldReader {
        void read(String name);
    }
}
