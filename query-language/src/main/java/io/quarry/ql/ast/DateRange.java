package io.quarry.ql.ast;

/** Relative date ranges for {@code DURING}, resolved by the planner in the report's time zone. */
public enum DateRange {
    TODAY, YESTERDAY,
    LAST_7_DAYS, LAST_14_DAYS, LAST_28_DAYS, LAST_30_DAYS, LAST_90_DAYS,
    THIS_WEEK, LAST_WEEK,
    THIS_MONTH, LAST_MONTH,
    THIS_QUARTER, LAST_QUARTER,
    THIS_YEAR, LAST_YEAR
}
