package io.quarry.planner.plan;

import io.quarry.planner.model.Aggregation;
import io.quarry.planner.resolve.Level;
import io.quarry.planner.resolve.MetricTree.Aggregate;
import io.quarry.planner.sql.SqlExpr;
import io.quarry.planner.sql.SqlExpr.Column;
import io.quarry.planner.sql.SqlExpr.IntegerConstant;
import io.quarry.planner.sql.SqlQuery.Cte;
import io.quarry.planner.sql.SqlQuery.CteSource;
import io.quarry.planner.sql.SqlQuery.Item;
import io.quarry.planner.sql.SqlQuery.Select;
import java.util.ArrayList;
import java.util.List;

/**
 * A dataset's aggregates at a total level. When every aggregate is additive (sum, count, min,
 * max) they are re-aggregated from the detail base CTE on the coordinator, without reading the
 * facts again; otherwise (distinct counts, averages) the level gets its own base CTE from the
 * facts at its grain, so those are recomputed, never summed.
 */
final class LevelBases {

    private LevelBases() {
    }

    static BaseCte of(BaseCte detail, Level level, String name, BaseCteBuilder builder, Period period) {
        boolean additive = detail.aggregateColumns().keySet().stream().allMatch(a -> a.aggregation().additive());
        if (!additive) {
            return builder.build(detail.dataset(), name, level, period.range(), period.shiftDays());
        }
        List<Item> items = new ArrayList<>();
        List<SqlExpr> groupBy = new ArrayList<>();
        List<String> dimensionColumns = new ArrayList<>();
        for (int d = 0; d < detail.dimensionColumns().size(); d++) {
            if (level.keeps(d)) {
                items.add(new Item(new Column("b", detail.dimensionColumns().get(d)), detail.dimensionColumns().get(d)));
                groupBy.add(new IntegerConstant(items.size()));
                dimensionColumns.add(detail.dimensionColumns().get(d));
            } else {
                dimensionColumns.add(null);
            }
        }
        for (var entry : detail.aggregateColumns().entrySet()) {
            items.add(new Item(SqlExpr.Function.of(reaggregate(entry.getKey()), new Column("b", entry.getValue())),
                    entry.getValue()));
        }
        Select select = Select.of(items, new CteSource(detail.cte().name(), "b")).groupBy(groupBy);
        return new BaseCte(detail.dataset(), new Cte(name, false, select), dimensionColumns, detail.aggregateColumns(),
                detail.aggregateTypes(), List.of(detail.cte().name()), detail.source());
    }

    private static String reaggregate(Aggregate aggregate) {
        return aggregate.aggregation() == Aggregation.MIN ? "min"
                : aggregate.aggregation() == Aggregation.MAX ? "max" : "sum";
    }
}
