package io.quarry.planner.resolve;

/** What a report is planned for. */
public enum ReportOutput {
    /** Its rows: a report without PIVOT BY. */
    ROWS,
    /** A pivot table: a report with PIVOT BY. */
    PIVOT,
    /** Whichever the report asks for (PIVOT BY or not): for explaining it. */
    AS_WRITTEN
}
