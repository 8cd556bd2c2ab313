package io.quarry.ql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Errors in the JSON form: a table of (input, code, exact message). Positions are in the JSON
 * document, except for errors inside an expression string, where they are inside that string.
 */
class JsonErrorTest {

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("[]", ErrorCode.JSON_WRONG_TYPE, "line 1:1: expected a report object, found an array"),
                Arguments.of("{}", ErrorCode.EMPTY_REPORT, "line 1:1: a report needs at least one dimension or metric"),
                Arguments.of("{\"dimensions\": []}", ErrorCode.EMPTY_REPORT, "line 1:1: a report needs at least one dimension or metric"),
                Arguments.of("{\"dimension\": [\"a\"]}", ErrorCode.JSON_UNKNOWN_FIELD, "line 1:2: /dimension: unknown field 'dimension' in a report object; expected 'parameters', 'from', 'dimensions', 'metrics', 'where', 'having', 'orderBy', 'limit', 'offset', 'pivotBy', 'totals', 'compare', 'accounts', 'timezone' or 'currency'"),
                Arguments.of("{\"dimensions\": \"a\"}", ErrorCode.JSON_WRONG_TYPE, "line 1:16: /dimensions: expected an array of dimensions, found a string"),
                Arguments.of("{\"dimensions\": [1]}", ErrorCode.JSON_WRONG_TYPE, "line 1:17: /dimensions/0: expected a string or an object with 'expression' and 'as', found an integer"),
                Arguments.of("{\"dimensions\": [\"a\"], \"dimensions\": [\"b\"]}", ErrorCode.JSON_DUPLICATE_FIELD, "line 1:23: /dimensions: field 'dimensions' is given twice"),
                Arguments.of("{\"metrics\": [\"sum(spend) /\"]}", ErrorCode.SYNTAX_ERROR, "line 1:13: /metrics/0: unexpected end of input; expected an expression"),
                Arguments.of("{\"metrics\": [\"clicks\"],\n \"where\": [\"a = 1\", \"b IN (1,\"]}", ErrorCode.SYNTAX_ERROR, "line 1:9: /where/1: unexpected end of input; expected an expression"),
                Arguments.of("{\"metrics\": [{\"as\": \"x\"}]}", ErrorCode.JSON_MISSING_FIELD, "line 1:14: /metrics/0: missing field 'expression'"),
                Arguments.of("{\"metrics\": [{\"expression\": \"x\", \"alias\": \"y\"}]}", ErrorCode.JSON_UNKNOWN_FIELD, "line 1:34: /metrics/0/alias: unknown field 'alias' in an item object; expected 'expression' or 'as'"),
                Arguments.of("{\"metrics\": [{\"expression\": \"x\", \"as\": \"a + b\"}]}", ErrorCode.JSON_INVALID_VALUE, "line 1:40: /metrics/0/as: expected an alias name, found an expression"),
                Arguments.of("{\"metrics\": [\"clicks\"], \"limit\": -1}", ErrorCode.JSON_INVALID_VALUE, "line 1:34: /limit: expected a non-negative integer, found -1"),
                Arguments.of("{\"metrics\": [\"clicks\"], \"limit\": 1.5}", ErrorCode.JSON_WRONG_TYPE, "line 1:34: /limit: expected an integer or a parameter string, found a decimal number"),
                Arguments.of("{\"metrics\": [\"clicks\"], \"limit\": \"a + 1\"}", ErrorCode.JSON_INVALID_VALUE, "line 1:34: /limit: expected an integer or a parameter such as ':limit'"),
                Arguments.of("{\"metrics\": [\"clicks\"], \"limit\": 99999999999999999999}", ErrorCode.JSON_INVALID_VALUE, "line 1:34: /limit: integer 99999999999999999999 is out of range"),
                Arguments.of("{\"metrics\": [\"clicks\"], \"orderBy\": [{\"expression\": \"x\", \"direction\": \"UP\"}]}", ErrorCode.JSON_INVALID_VALUE, "line 1:70: /orderBy/0/direction: unknown sort direction 'UP'; expected ASC or DESC"),
                Arguments.of("{\"metrics\": [\"clicks\"], \"totals\": {\"grand\": false}}", ErrorCode.JSON_INVALID_VALUE, "line 1:35: /totals: totals need \"grand\": true or at least one subtotal"),
                Arguments.of("{\"metrics\": [\"clicks\"], \"totals\": {\"grand\": \"yes\"}}", ErrorCode.JSON_WRONG_TYPE, "line 1:45: /totals/grand: expected a boolean, found a string"),
                Arguments.of("{\"metrics\": [\"clicks\"], \"compare\": \"LAST_YEAR\"}", ErrorCode.UNKNOWN_COMPARE_PERIOD, "line 1:36: /compare: unknown comparison period 'LAST_YEAR'; expected PREVIOUS_PERIOD or SAME_PERIOD_LAST_YEAR"),
                Arguments.of("{\"metrics\": [\"clicks\"], \"timezone\": \"Mars/Olympus\"}", ErrorCode.INVALID_TIME_ZONE, "line 1:37: /timezone: unknown time zone 'Mars/Olympus'; expected a zone id such as 'Europe/Helsinki' or 'UTC'"),
                Arguments.of("{\"metrics\": [\"spend\"], \"currency\": \"EURO\"}", ErrorCode.INVALID_CURRENCY, "line 1:36: /currency: invalid currency 'EURO'; expected an ISO 4217 code of three capital letters such as 'EUR'"),
                Arguments.of("{\"metrics\": [\"clicks\"], \"parameters\": [{\"name\": \"from\"}]}", ErrorCode.JSON_MISSING_FIELD, "line 1:40: /parameters/0: missing field 'type'"),
                Arguments.of("{\"metrics\": [\"clicks\"], \"parameters\": [{\"name\": \"from\", \"type\": \"DATETIME\"}]}", ErrorCode.UNKNOWN_PARAMETER_TYPE, "line 1:65: /parameters/0/type: unknown parameter type 'DATETIME'; expected STRING, INTEGER, DECIMAL, BOOLEAN or DATE"),
                Arguments.of("{\"metrics\": [\"clicks\"], \"parameters\": [{\"name\": \"from\", \"type\": \"DATE\", \"default\": \"'x'\"}]}", ErrorCode.INVALID_PARAMETER_DEFAULT, "line 1:84: /parameters/0/default: default does not match type DATE; expected a DATE literal"),
                Arguments.of("{\"metrics\": [\"clicks\"], \"parameters\": [{\"name\": \"a b\", \"type\": \"DATE\"}]}", ErrorCode.INVALID_IDENTIFIER, "line 1:49: /parameters/0/name: parameter name 'a b' must be letters, digits and underscores, starting with a letter or underscore"),
                Arguments.of("{\"metrics\": [\"clicks\"]} {}", ErrorCode.INVALID_JSON, "line 1:25: unexpected content after the report object"),
                Arguments.of("{\"metrics\": [\"clicks\"", ErrorCode.INVALID_JSON, "line 1:22: invalid JSON: Unexpected end-of-input: expected close marker for Array"),
                Arguments.of("{\"metrics\": ['clicks']}", ErrorCode.INVALID_JSON, "line 1:14: invalid JSON: Unexpected character (''' (code 39)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
                Arguments.of("{\"metrics\": [\"clicks\"], \"from\": \"a.b\"}", ErrorCode.JSON_INVALID_VALUE, "line 1:33: /from: expected a dataset name, found an expression"),
                Arguments.of("", ErrorCode.JSON_WRONG_TYPE, "line 1:1: expected a report object, found end of input"),
                Arguments.of("{\"metrics\": [\"clicks\"], \"where\": [\"x\"], \"having\": {}}", ErrorCode.JSON_WRONG_TYPE, "line 1:51: /having: expected a condition string or an array of condition strings, found an object"),
                Arguments.of("{\"metrics\": [\"clicks\"], \"where\": [\"a = 'x\\u0000'\"]}", ErrorCode.NUL_CHARACTER, "line 1:7: /where/0: a string must not contain the NUL character (U+0000)"),
                Arguments.of("{\"metrics\": [{\"expression\": \"clicks\", \"as\": \"\\\"a\\u0000\\\"\"}]}", ErrorCode.NUL_CHARACTER, "line 1:3: /metrics/0/as: a quoted name must not contain the NUL character (U+0000)"),
                Arguments.of("{\"metrics\": [\"clicks\"], \"parameters\": [{\"name\": \"s\", \"type\": \"STRING\", \"default\": \"'\\u0000'\"}]}", ErrorCode.NUL_CHARACTER, "line 1:2: /parameters/0/default: a string must not contain the NUL character (U+0000)"),
                Arguments.of("{\"metrics\": [\"clicks\"], \"timezone\": \"UTC\\u0000\"}", ErrorCode.NUL_CHARACTER, "line 1:37: /timezone: a string must not contain the NUL character (U+0000)"),
                Arguments.of("{\"metrics\": [\"clicks\"], \"compare\": \"\\u0000\"}", ErrorCode.NUL_CHARACTER, "line 1:36: /compare: a string must not contain the NUL character (U+0000)"),
                Arguments.of("{\"metrics\": [\"clicks\"], \"a\\u0000\": 1}", ErrorCode.NUL_CHARACTER, "line 1:25: a field name must not contain the NUL character (U+0000)"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("errors")
    void reportsError(String input, ErrorCode code, String message) {
        QueryLanguageException error = catchThrowableOfType(QueryLanguageException.class,
                () -> RoundTrip.PARSER.parseJson(input));
        assertThat(error).as("error for %s", input).isNotNull();
        assertThat(error.getMessage()).isEqualTo(message);
        assertThat(error.code()).isEqualTo(code);
    }

    @Test
    void expressionErrorsCarryPointerAndPositionInsideTheString() {
        QueryLanguageException error = catchThrowableOfType(QueryLanguageException.class,
                () -> RoundTrip.PARSER.parseJson("{\"metrics\": [\"clicks\"],\n \"having\": [\"clicks >\\n  )\"]}"));
        assertThat(error.jsonPointer()).contains("/having/0");
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo(3);
        assertThat(error.offendingToken()).contains(")");
        assertThat(error.snippet()).isEqualTo("  )\n  ^");
    }

    @Test
    void structuralErrorsPointIntoTheDocument() {
        QueryLanguageException error = catchThrowableOfType(QueryLanguageException.class,
                () -> RoundTrip.PARSER.parseJson("{\n  \"metrics\": [\"clicks\"],\n  \"limt\": 5\n}"));
        assertThat(error.code()).isEqualTo(ErrorCode.JSON_UNKNOWN_FIELD);
        assertThat(error.jsonPointer()).contains("/limt");
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.column()).isEqualTo(3);
        assertThat(error.snippet()).isEqualTo("  \"limt\": 5\n  ^");
    }
}
