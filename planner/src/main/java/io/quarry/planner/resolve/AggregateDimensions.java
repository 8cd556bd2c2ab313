package io.quarry.planner.resolve;

import io.quarry.planner.model.Dimension;
import io.quarry.planner.model.ExpressionTrees;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.resolve.MetricTree.Aggregate;
import io.quarry.planner.resolve.MetricTree.DimensionValue;
import io.quarry.planner.resolve.MetricTree.FactExpression;
import io.quarry.ql.ast.FieldRef;
import java.util.LinkedHashSet;
import java.util.Set;

/** The dimensions an aggregate reads (its dataset must reach each of them). */
public final class AggregateDimensions {

    private AggregateDimensions() {
    }

    public static Set<Dimension> of(SemanticModel model, Aggregate aggregate) {
        Set<Dimension> dimensions = new LinkedHashSet<>();
        MetricTree.Argument argument = aggregate.argument().orElse(null);
        if (argument instanceof DimensionValue value) {
            dimensions.add(value.dimension());
        } else if (argument instanceof FactExpression fact) {
            for (FieldRef ref : ExpressionTrees.fieldRefs(fact.expression())) {
                Dimension dimension = model.dimensions().get(ref.dotted());
                if (dimension != null) {
                    dimensions.add(dimension);
                }
            }
        }
        return dimensions;
    }
}
