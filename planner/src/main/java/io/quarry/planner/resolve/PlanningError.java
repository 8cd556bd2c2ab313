package io.quarry.planner.resolve;

/** Stable codes of planning errors; the API maps each to a problem type. */
public enum PlanningError {
    UNKNOWN_FIELD,
    UNKNOWN_FUNCTION,
    TYPE_MISMATCH,
    AGGREGATE_MISUSE,
    NOT_REACHABLE,
    AMBIGUOUS_DATASET,
    /** A model metric of another dataset than the report's FROM. */
    DATASET_MISMATCH,
    /** Money of accounts in several currencies added without a CURRENCY to convert it into. */
    MIXED_CURRENCIES,
    /** A CURRENCY conversion lacks a day's exchange rate. */
    MISSING_EXCHANGE_RATE,
    DATE_FILTER_SHAPE,
    UNKNOWN_TIME_ZONE,
    PARAMETER_MISSING,
    PARAMETER_TYPE,
    ACCOUNT_NOT_PERMITTED,
    UNSUPPORTED,
    PIVOT_TOO_WIDE,
    PIVOT_TOO_LONG,
    LIMIT_EXCEEDED,
    INVALID_VALUE,
    /** A report without a date range with a start (every report reads at most the max-days limit). */
    DATE_RANGE_REQUIRED,
    /** Two output columns with one name (as PostgreSQL sees it: the first 63 bytes). */
    DUPLICATE_NAME,
    /** An output column named like one the planner or the exports add. */
    RESERVED_NAME,
    /** A function called with too few or too many arguments. */
    ARGUMENT_COUNT
}
