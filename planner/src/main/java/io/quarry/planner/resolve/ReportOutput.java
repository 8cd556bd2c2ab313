package io.quarry.planner.resolve;

/** What a report is planned for: its rows (any report), or a pivot table (a report with PIVOT BY). */
public enum ReportOutput {
    ROWS,
    PIVOT
}
