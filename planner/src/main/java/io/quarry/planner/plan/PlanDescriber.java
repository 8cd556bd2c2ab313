package io.quarry.planner.plan;

import io.quarry.planner.resolve.ResolvedReport;
import io.quarry.planner.resolve.TimeRange;
import java.util.ArrayList;
import java.util.List;

/** Describes a plan in words: what each CTE reads and where Citus runs it. */
final class PlanDescriber {

    private PlanDescriber() {
    }

    static List<PlanStep> steps(ResolvedReport report, List<BaseCte> bases) {
        List<PlanStep> steps = new ArrayList<>();
        String scope = report.scope().single() ? "account " + report.scope().accounts().get(0)
                + " (one shard: a router query on Citus)" : report.scope().accounts().size() + " accounts (multi-shard)";
        for (BaseCte base : bases) {
            String grain = report.dimensions().isEmpty() ? "a single total row"
                    : "one row per " + String.join(" x ", report.dimensions().stream().map(d -> d.name()).toList());
            steps.add(new PlanStep(base.cte().name(), "workers",
                    "aggregates " + base.dataset() + " for " + scope + range(report.timeRange()) + " into " + grain
                            + "; " + base.aggregateColumns().size() + " aggregate(s), materialized as an intermediate"
                            + " result; reads " + base.source(), base.tables()));
        }
        report.compare().ifPresent(c -> steps.add(new PlanStep("previous_*", "workers", "aggregates the same datasets"
                + " over the comparison period" + range(c.previous()) + ", its time buckets shifted " + c.shiftDays()
                + " days forward onto the report's", List.of())));
        if (!report.totals().isEmpty()) {
            steps.add(new PlanStep("total_*", "coordinator", report.totals().size() + " total level(s): additive"
                    + " aggregates re-aggregated from the base CTEs; distinct counts and averages recomputed from the"
                    + " facts at their level (on the workers)", List.of()));
        }
        String combine = bases.size() > 1 ? "stitches the datasets' rows on the dimensions (UNION ALL, GROUP BY), " : "";
        steps.add(new PlanStep("final", "coordinator", combine + "computes derived metrics, applies HAVING, orders"
                + report.limit().map(l -> " and keeps " + l + " rows").orElse(""), List.of()));
        return steps;
    }

    private static String range(TimeRange range) {
        if (range.from() == null && range.to() == null) {
            return ", all dates";
        }
        return ", days " + (range.from() == null ? "..." : range.from()) + " to "
                + (range.to() == null ? "..." : range.to().minusDays(1));
    }
}
