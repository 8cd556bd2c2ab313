package io.quarry.ql;

/** Stable codes of {@link QueryLanguageException}. Clients may switch on them; names never change. */
public enum ErrorCode {
    /** The tokens do not form a report or expression (unexpected token). */
    SYNTAX_ERROR,
    /** A character that cannot start any token. */
    UNEXPECTED_CHARACTER,
    /** A string literal without its closing quote. */
    UNTERMINATED_STRING,
    /** A quoted identifier without its closing double quote. */
    UNTERMINATED_QUOTED_IDENTIFIER,
    /** A block comment without its closing {@code * /}. */
    UNTERMINATED_COMMENT,
    /** The input is longer than the configured limit. */
    INPUT_TOO_LONG,
    /** Parentheses, CASE or operators are nested deeper than the configured limit. */
    NESTING_TOO_DEEP,
    /** An empty quoted identifier or a name that cannot be used where it stands. */
    INVALID_IDENTIFIER,
    /** An integer literal out of the 64-bit range. */
    INVALID_NUMBER,
    /** A DATE literal that is not a valid ISO date (yyyy-mm-dd). */
    INVALID_DATE,
    /** A TIMEZONE that is not a known time-zone id. */
    INVALID_TIME_ZONE,
    /** A CURRENCY that is not an ISO 4217 code (three capital letters). */
    INVALID_CURRENCY,
    /** A DURING range that is not one of the known relative date ranges. */
    UNKNOWN_DATE_RANGE,
    /** A COMPARE period that is not PREVIOUS_PERIOD or SAME_PERIOD_LAST_YEAR. */
    UNKNOWN_COMPARE_PERIOD,
    /** A parameter type that is not one of the known types. */
    UNKNOWN_PARAMETER_TYPE,
    /** A parameter default that is not a literal of the declared type. */
    INVALID_PARAMETER_DEFAULT,
    /** A parameter declared twice. */
    DUPLICATE_PARAMETER,
    /** GRAND or SUBTOTALS given twice in TOTALS. */
    DUPLICATE_TOTALS,
    /** A JSON report without dimensions and metrics. */
    EMPTY_REPORT,
    /** The JSON document is not well-formed JSON. */
    INVALID_JSON,
    /** A JSON object has a field the report format does not define. */
    JSON_UNKNOWN_FIELD,
    /** A JSON object has the same field twice. */
    JSON_DUPLICATE_FIELD,
    /** A JSON object lacks a required field. */
    JSON_MISSING_FIELD,
    /** A JSON value has the wrong type (e.g. a number where a string is expected). */
    JSON_WRONG_TYPE,
    /** A JSON value has the right type but a value the format does not allow. */
    JSON_INVALID_VALUE,
    /**
     * A NUL character (U+0000) in a string literal, a quoted name or a JSON string or field name:
     * PostgreSQL text cannot hold it.
     */
    NUL_CHARACTER
}
