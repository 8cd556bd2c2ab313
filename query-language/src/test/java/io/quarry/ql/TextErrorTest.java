package io.quarry.ql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Errors in the text form: a table of (input, code, exact message). */
class TextErrorTest {

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("DIMENSIONS campaign.name BY", ErrorCode.SYNTAX_ERROR, "line 1:26: unexpected 'BY'; expected ',', '.', 'AS', an operator, another clause or end of input"),
                Arguments.of("DIMENSIONS campaign.name\nORDER BY", ErrorCode.SYNTAX_ERROR, "line 2:9: unexpected end of input; expected a sort key"),
                Arguments.of("SELECT campaign.name", ErrorCode.SYNTAX_ERROR, "line 1:1: unexpected 'SELECT'; expected 'PARAMETERS', 'FROM', 'DIMENSIONS' or 'METRICS'"),
                Arguments.of("DIMENSIONS", ErrorCode.SYNTAX_ERROR, "line 1:11: unexpected end of input; expected a dimension"),
                Arguments.of("METRICS clicks,", ErrorCode.SYNTAX_ERROR, "line 1:16: unexpected end of input; expected a metric"),
                Arguments.of("METRICS clicks WHERE", ErrorCode.SYNTAX_ERROR, "line 1:21: unexpected end of input; expected a condition"),
                Arguments.of("METRICS clicks WHERE a =", ErrorCode.SYNTAX_ERROR, "line 1:25: unexpected end of input; expected an expression"),
                Arguments.of("METRICS clicks WHERE a = = 1", ErrorCode.SYNTAX_ERROR, "line 1:26: unexpected '='; expected an expression"),
                Arguments.of("METRICS clicks WHERE (a = 1", ErrorCode.SYNTAX_ERROR, "line 1:28: unexpected end of input; expected ')', 'AND', 'OR' or an arithmetic operator"),
                Arguments.of("METRICS clicks WHERE a IN ()", ErrorCode.SYNTAX_ERROR, "line 1:28: unexpected ')'; expected an expression"),
                Arguments.of("METRICS clicks WHERE a BETWEEN 1", ErrorCode.SYNTAX_ERROR, "line 1:33: unexpected end of input; expected 'AND' or an arithmetic operator"),
                Arguments.of("METRICS clicks WHERE a IS 1", ErrorCode.SYNTAX_ERROR, "line 1:27: unexpected '1'; expected 'NOT' or 'NULL'"),
                Arguments.of("METRICS clicks ORDER BY clicks DESC NULLS", ErrorCode.SYNTAX_ERROR, "line 1:42: unexpected end of input; expected 'FIRST' or 'LAST'"),
                Arguments.of("METRICS clicks LIMIT -1", ErrorCode.SYNTAX_ERROR, "line 1:22: unexpected '-'; expected an integer or a parameter"),
                Arguments.of("METRICS clicks LIMIT 1.5", ErrorCode.SYNTAX_ERROR, "line 1:22: unexpected '1.5'; expected an integer or a parameter"),
                Arguments.of("METRICS clicks LIMIT 99999999999999999999", ErrorCode.INVALID_NUMBER, "line 1:22: integer '99999999999999999999' is out of range; the largest is 9223372036854775807"),
                Arguments.of("METRICS clicks PIVOT campaign.name", ErrorCode.SYNTAX_ERROR, "line 1:22: unexpected 'campaign'; expected 'BY'"),
                Arguments.of("METRICS clicks TOTALS", ErrorCode.SYNTAX_ERROR, "line 1:22: unexpected end of input; expected 'GRAND' or 'SUBTOTALS'"),
                Arguments.of("METRICS clicks TOTALS GRAND, GRAND", ErrorCode.DUPLICATE_TOTALS, "line 1:30: 'GRAND' is given twice in TOTALS"),
                Arguments.of("METRICS clicks TOTALS SUBTOTALS ()", ErrorCode.SYNTAX_ERROR, "line 1:34: unexpected ')'; expected a dimension"),
                Arguments.of("METRICS clicks COMPARE LAST_YEAR", ErrorCode.UNKNOWN_COMPARE_PERIOD, "line 1:24: unknown comparison period 'LAST_YEAR'; expected PREVIOUS_PERIOD or SAME_PERIOD_LAST_YEAR"),
                Arguments.of("METRICS clicks ACCOUNTS 101", ErrorCode.SYNTAX_ERROR, "line 1:25: unexpected '101'; expected '('"),
                Arguments.of("METRICS clicks TIMEZONE 'Mars/Olympus'", ErrorCode.INVALID_TIME_ZONE, "line 1:25: unknown time zone 'Mars/Olympus'; expected a zone id such as 'Europe/Helsinki' or 'UTC'"),
                Arguments.of("METRICS spend CURRENCY 'eur'", ErrorCode.INVALID_CURRENCY, "line 1:24: invalid currency 'eur'; expected an ISO 4217 code of three capital letters such as 'EUR'"),
                Arguments.of("METRICS spend CURRENCY 'EUR' TIMEZONE 'UTC'", ErrorCode.SYNTAX_ERROR, "line 1:30: unexpected 'TIMEZONE'; TIMEZONE must come before CURRENCY (clauses come in the order PARAMETERS, FROM, DIMENSIONS, METRICS, WHERE, HAVING, ORDER BY, LIMIT, OFFSET, PIVOT BY, TOTALS, COMPARE, ACCOUNTS, TIMEZONE, CURRENCY); expected end of input"),
                Arguments.of("METRICS clicks TIMEZONE Europe", ErrorCode.SYNTAX_ERROR, "line 1:25: unexpected 'Europe'; expected a string"),
                Arguments.of("PARAMETERS (from DATETIME) METRICS clicks", ErrorCode.UNKNOWN_PARAMETER_TYPE, "line 1:18: unknown parameter type 'DATETIME'; expected STRING, INTEGER, DECIMAL, BOOLEAN or DATE"),
                Arguments.of("PARAMETERS (a DATE, a STRING) METRICS clicks", ErrorCode.DUPLICATE_PARAMETER, "line 1:21: parameter 'a' is declared twice"),
                Arguments.of("PARAMETERS (a INTEGER DEFAULT 'x') METRICS clicks", ErrorCode.INVALID_PARAMETER_DEFAULT, "line 1:31: default does not match type INTEGER; expected an integer"),
                Arguments.of("PARAMETERS (a DATE DEFAULT today()) METRICS clicks", ErrorCode.SYNTAX_ERROR, "line 1:28: unexpected 'today'; expected a literal"),
                Arguments.of("PARAMETERS () METRICS clicks", ErrorCode.SYNTAX_ERROR, "line 1:13: unexpected ')'; expected a parameter name"),
                Arguments.of("METRICS clicks WHERE date = DATE '2026-02-30'", ErrorCode.INVALID_DATE, "line 1:34: invalid date '2026-02-30'; expected a date as 'yyyy-mm-dd'"),
                Arguments.of("METRICS clicks WHERE date DURING", ErrorCode.SYNTAX_ERROR, "line 1:33: unexpected end of input; expected a date range"),
                Arguments.of("METRICS clicks WHERE date DURING LAST_31_DAYS", ErrorCode.UNKNOWN_DATE_RANGE, "line 1:34: unknown date range 'LAST_31_DAYS'; expected a date range such as LAST_30_DAYS"),
                Arguments.of("METRICS \"\" ", ErrorCode.INVALID_IDENTIFIER, "line 1:9: a quoted identifier must not be empty"),
                Arguments.of("METRICS \"abc", ErrorCode.UNTERMINATED_QUOTED_IDENTIFIER, "line 1:9: unterminated quoted identifier"),
                Arguments.of("METRICS clicks /* never closed", ErrorCode.UNTERMINATED_COMMENT, "line 1:16: unterminated comment"),
                Arguments.of("METRICS clicks ; ", ErrorCode.UNEXPECTED_CHARACTER, "line 1:16: unexpected character ';'"),
                Arguments.of("METRICS clicks TIMEZONE 'UTC' LIMIT 5", ErrorCode.SYNTAX_ERROR, "line 1:31: unexpected 'LIMIT'; LIMIT must come before TIMEZONE (clauses come in the order PARAMETERS, FROM, DIMENSIONS, METRICS, WHERE, HAVING, ORDER BY, LIMIT, OFFSET, PIVOT BY, TOTALS, COMPARE, ACCOUNTS, TIMEZONE, CURRENCY); expected 'CURRENCY' or end of input"),
                Arguments.of("METRICS spend DIMENSIONS campaign.name", ErrorCode.SYNTAX_ERROR, "line 1:15: unexpected 'DIMENSIONS'; DIMENSIONS must come before METRICS (clauses come in the order PARAMETERS, FROM, DIMENSIONS, METRICS, WHERE, HAVING, ORDER BY, LIMIT, OFFSET, PIVOT BY, TOTALS, COMPARE, ACCOUNTS, TIMEZONE, CURRENCY); expected '(', ',', '.', 'AS', an operator, another clause or end of input"),
                Arguments.of("METRICS spend WHERE a = 1 WHERE b = 2", ErrorCode.SYNTAX_ERROR, "line 1:27: unexpected 'WHERE'; a report has one WHERE clause; expected 'AND', 'OR', an arithmetic operator, another clause or end of input"),
                Arguments.of("METRICS count(DISTINCT)", ErrorCode.SYNTAX_ERROR, "line 1:23: unexpected ')'; expected an expression"),
                Arguments.of("METRICS sum(spend", ErrorCode.SYNTAX_ERROR, "line 1:18: unexpected end of input; expected '(', ')', ',', '.' or an operator"),
                Arguments.of("METRICS CASE WHEN a THEN b", ErrorCode.SYNTAX_ERROR, "line 1:27: unexpected end of input; expected '(', '.', 'WHEN', 'ELSE', 'END' or an operator"),
                Arguments.of("METRICS CASE a END", ErrorCode.SYNTAX_ERROR, "line 1:14: unexpected 'a'; expected 'WHEN'"),
                Arguments.of("METRICS clicks AS 5", ErrorCode.SYNTAX_ERROR, "line 1:19: unexpected '5'; expected an alias"),
                Arguments.of("FROM", ErrorCode.SYNTAX_ERROR, "line 1:5: unexpected end of input; expected a dataset name"),
                Arguments.of("FROM 'ads' METRICS clicks", ErrorCode.SYNTAX_ERROR, "line 1:6: unexpected ''ads''; expected a dataset name"),
                Arguments.of("METRICS clicks WHERE x NOT", ErrorCode.SYNTAX_ERROR, "line 1:27: unexpected end of input; expected 'IN', 'BETWEEN', 'LIKE' or 'ILIKE'"),
                Arguments.of("METRICS a.", ErrorCode.SYNTAX_ERROR, "line 1:11: unexpected end of input; expected a name"),
                Arguments.of("METRICS a..b", ErrorCode.SYNTAX_ERROR, "line 1:11: unexpected '.'; expected a name"),
                Arguments.of("METRICS clicks WHERE a = 1 b = 2", ErrorCode.SYNTAX_ERROR, "line 1:28: unexpected 'b'; expected 'AND', 'OR', an arithmetic operator, another clause or end of input"),
                Arguments.of("METRICS clicks WHERE a = 'x\u0000y'", ErrorCode.NUL_CHARACTER, "line 1:28: a string must not contain the NUL character (U+0000)"),
                Arguments.of("METRICS clicks WHERE a = 'one\ntwo \u0000'", ErrorCode.NUL_CHARACTER, "line 2:5: a string must not contain the NUL character (U+0000)"),
                Arguments.of("METRICS clicks AS \"a\u0000\"", ErrorCode.NUL_CHARACTER, "line 1:21: a quoted name must not contain the NUL character (U+0000)"),
                Arguments.of("PARAMETERS (s STRING DEFAULT '\u0000') METRICS clicks", ErrorCode.NUL_CHARACTER, "line 1:31: a string must not contain the NUL character (U+0000)"),
                Arguments.of("METRICS clicks TIMEZONE 'UTC\u0000'", ErrorCode.NUL_CHARACTER, "line 1:29: a string must not contain the NUL character (U+0000)"),
                Arguments.of("METRICS clicks WHERE a = DATE '2026-01-01\u0000'", ErrorCode.NUL_CHARACTER, "line 1:42: a string must not contain the NUL character (U+0000)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void reportsError(String input, ErrorCode code, String message) {
        QueryLanguageException error = catchThrowableOfType(QueryLanguageException.class,
                () -> RoundTrip.PARSER.parseText(input));
        assertThat(error).as("error for %s", input).isNotNull();
        assertThat(error.getMessage()).isEqualTo(message);
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.jsonPointer()).isEmpty();
    }

    @Test
    void carriesTokenExpectedWordsAndCaretSnippet() {
        QueryLanguageException error = catchThrowableOfType(QueryLanguageException.class,
                () -> RoundTrip.PARSER.parseText("DIMENSIONS campaign.name\nMETRICS clicks BY spend"));
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo(16);
        assertThat(error.offendingToken()).contains("BY");
        assertThat(error.expected()).containsExactly("'('", "','", "'.'", "'AS'", "an operator", "another clause",
                "end of input");
        assertThat(error.snippet()).isEqualTo("METRICS clicks BY spend\n               ^");
        assertThat(error.detail()).startsWith("unexpected 'BY'; expected ");
    }

    @Test
    void endOfInputIsNamedAsSuch() {
        QueryLanguageException error = catchThrowableOfType(QueryLanguageException.class,
                () -> RoundTrip.PARSER.parseText("METRICS"));
        assertThat(error.offendingToken()).contains("end of input");
        assertThat(error.snippet()).isEqualTo("METRICS\n       ^");
    }

    @Test
    void expressionEntryRuleRejectsTrailingTokens() {
        QueryLanguageException error = catchThrowableOfType(QueryLanguageException.class,
                () -> RoundTrip.PARSER.parseExpression("a = 1 WHERE"));
        assertThat(error.getMessage())
                .isEqualTo("line 1:7: unexpected 'WHERE'; expected 'AND', 'OR', an arithmetic operator or end of input");
    }

    @Test
    void longLinesAreCutAroundTheCaret() {
        String input = "METRICS " + "x + ".repeat(40) + "* y";
        QueryLanguageException error = catchThrowableOfType(QueryLanguageException.class,
                () -> RoundTrip.PARSER.parseText(input));
        String[] lines = error.snippet().split("\n");
        assertThat(lines[0]).startsWith("...").endsWith("* y");
        assertThat(lines[1].indexOf('^')).isEqualTo(lines[0].indexOf("* y"));
    }
}
