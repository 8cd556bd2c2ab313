package io.quarry.planner.plan;

import io.quarry.planner.resolve.MetricTree.Aggregate;
import io.quarry.planner.sql.SqlQuery.Cte;
import java.util.List;
import java.util.Map;

/**
 * One dataset's aggregation at the report's grain, as a materialized CTE: Citus runs it on the
 * workers (the GROUP BY pushed down, partial aggregates combined on the coordinator) and keeps
 * the small result as an intermediate result for everything that follows.
 *
 * @param dimensionColumns the CTE column of each output dimension, in report order
 * @param aggregateColumns the CTE column of each aggregate
 * @param aggregateTypes   the SQL type of each aggregate, for typed NULLs where datasets are stitched
 * @param tables           the tables it reads, for the plan description
 * @param source           what it reads the dataset from (the facts or a rollup) and why, for the plan description
 */
record BaseCte(String dataset, Cte cte, List<String> dimensionColumns, Map<Aggregate, String> aggregateColumns,
               Map<Aggregate, String> aggregateTypes, List<String> tables, String source) {
}
