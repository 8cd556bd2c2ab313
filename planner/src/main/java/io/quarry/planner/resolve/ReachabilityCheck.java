package io.quarry.planner.resolve;

import io.quarry.planner.model.Dimension;
import io.quarry.planner.model.Join;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.resolve.MetricTree.Aggregate;
import io.quarry.planner.resolve.ResolvedReport.OutputDimension;
import io.quarry.ql.ast.Report;
import io.quarry.ql.ast.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * Every dimension a report groups or filters by must be reachable from every dataset it
 * aggregates, along many-to-one joins only: a one-to-many join would repeat fact rows and
 * multiply their sums (Cube's fan-out problem), so such a path is refused, not silently summed.
 */
final class ReachabilityCheck {

    private final SemanticModel model;

    ReachabilityCheck(SemanticModel model) {
        this.model = model;
    }

    void check(ResolvedReport report, Report source) {
        for (String dataset : report.datasets()) {
            for (int i = 0; i < report.dimensions().size(); i++) {
                OutputDimension output = report.dimensions().get(i);
                require(dataset, output.dimension(), source.dimensions().get(i).location());
            }
            for (Predicate filter : report.filters()) {
                for (Dimension dimension : MetricTrees.dimensions(filter)) {
                    require(dataset, dimension, source.where().map(w -> w.location()).orElse(SourceLocation.UNKNOWN));
                }
            }
        }
        for (ResolvedReport.OutputMetric metric : report.metrics()) {
            for (Aggregate aggregate : MetricTrees.aggregates(metric.metric())) {
                for (Dimension dimension : AggregateDimensions.of(model, aggregate)) {
                    if (dimension.time()) {
                        throw new PlanningException(PlanningError.AGGREGATE_MISUSE, "the time dimension cannot be"
                                + " used inside an aggregate", source.location());
                    }
                    require(aggregate.dataset(), dimension, source.location());
                }
            }
        }
    }

    private void require(String dataset, Dimension dimension, SourceLocation location) {
        if (dimension.time() || dimension.node().orElseThrow().equals(dataset)) {
            return;
        }
        Optional<List<Join>> path = model.graph().path(dataset, dimension.node().orElseThrow());
        if (path.isEmpty()) {
            throw new PlanningException(PlanningError.NOT_REACHABLE, dimension.name() + " cannot be combined with"
                    + " metrics of " + dataset + ": no join leads from " + dataset + " to " + dimension.node().get(),
                    location);
        }
        for (Join join : path.get()) {
            if (join.cardinality().multipliesRows()) {
                throw new PlanningException(PlanningError.NOT_REACHABLE, dimension.name() + " would repeat rows of "
                        + dataset + " (join " + join.from() + " -> " + join.to() + " is one-to-many) and"
                        + " inflate its sums", location);
            }
        }
    }
}
