package io.quarry.planner.plan;

import java.util.List;

/**
 * One step of a plan, for {@code /reports/explain}: a CTE or the final query, where Citus runs
 * it, and what it does.
 *
 * @param runsOn "workers" for reads of distributed tables, "coordinator" for work over
 *               intermediate results
 */
public record PlanStep(String name, String runsOn, String description, List<String> tables) {

    public PlanStep {
        tables = List.copyOf(tables);
    }
}
