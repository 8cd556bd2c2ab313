package io.quarry.planner.plan;

import io.quarry.planner.resolve.ResolvedReport;
import io.quarry.planner.resolve.TimeRange;

/** The days a base CTE reads, and how far its time buckets shift (a comparison period's do). */
record Period(TimeRange range, int shiftDays) {

    static Period current(ResolvedReport report) {
        return new Period(report.timeRange(), 0);
    }

    static Period previous(ResolvedReport report) {
        ResolvedReport.Comparison comparison = report.compare().orElseThrow();
        return new Period(comparison.previous(), comparison.shiftDays());
    }
}
