package io.quarry.planner.plan;

import io.quarry.planner.resolve.ResolvedReport;
import io.quarry.planner.sql.RenderedSql;
import java.util.List;

/** The planner's answer: the SQL and its binds, the result's columns, and a description of the plan. */
public record PlannedQuery(RenderedSql sql, List<OutputColumn> columns, List<PlanStep> steps, ResolvedReport report) {

    public PlannedQuery {
        columns = List.copyOf(columns);
        steps = List.copyOf(steps);
    }
}
