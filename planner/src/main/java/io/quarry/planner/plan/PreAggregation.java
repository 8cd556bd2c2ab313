package io.quarry.planner.plan;

import io.quarry.planner.model.ColumnType;
import io.quarry.planner.model.Dataset;
import io.quarry.planner.model.Dimension;
import io.quarry.planner.model.Join;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.model.TimeGrain;
import io.quarry.planner.resolve.AggregateDimensions;
import io.quarry.planner.resolve.Level;
import io.quarry.planner.resolve.MetricTree.Aggregate;
import io.quarry.planner.resolve.MetricTrees;
import io.quarry.planner.resolve.Predicate;
import io.quarry.planner.resolve.ResolvedReport;
import io.quarry.planner.sql.SqlExpr;
import io.quarry.planner.sql.SqlExpr.Column;
import io.quarry.planner.sql.SqlExpr.IntegerConstant;
import io.quarry.planner.sql.SqlQuery.DerivedTable;
import io.quarry.planner.sql.SqlQuery.From;
import io.quarry.planner.sql.SqlQuery.Item;
import io.quarry.planner.sql.SqlQuery.Select;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aggregate the facts before joining dimension tables: a base CTE that joins entities (campaigns,
 * ads) first groups the fact rows by {@code account_id}, the fact columns its joins need and the
 * dimensions the facts hold themselves (the time bucket among them), in a derived table under
 * the facts' alias, then joins that much smaller result and re-aggregates the partials (sums of
 * sums, sums of counts, min of minima, max of maxima), as a rollup read does. The derived table
 * groups by the distribution column, so Citus pushes it down with the join.
 *
 * <p>It applies when every aggregate re-aggregates and reads only the facts, every filter is
 * either on the facts alone (it goes inside) or on joined tables alone, and the grouping is
 * coarser than the facts' own day (a report by day over daily facts would group as many rows
 * twice). Money converted per day and rollup reads (already aggregated) read the facts as before.
 */
final class PreAggregation {

    private PreAggregation() {
    }

    /** Whether {@code dataset}'s base CTE at {@code level} pre-aggregates (see the class comment). */
    static boolean applies(ResolvedReport report, SemanticModel model, Dataset dataset, Level level,
                           Collection<Join> joins, Set<Aggregate> aggregates) {
        if (joins.isEmpty() || aggregates.isEmpty()) {
            return false;
        }
        for (Aggregate aggregate : aggregates) {
            if (!aggregate.aggregation().additive()
                    || !AggregateDimensions.of(model, aggregate).stream().allMatch(d -> onFacts(d, dataset))) {
                return false;
            }
        }
        for (Predicate filter : report.filters()) {
            Set<Dimension> dimensions = MetricTrees.dimensions(filter);
            long local = dimensions.stream().filter(d -> onFacts(d, dataset)).count();
            if (local != 0 && local != dimensions.size()) {
                return false;
            }
        }
        boolean daily = dataset.timeType() == ColumnType.DATE;
        for (int i = 0; i < report.dimensions().size(); i++) {
            ResolvedReport.OutputDimension output = report.dimensions().get(i);
            if (daily && level.keeps(i) && output.dimension().time()
                    && output.grain().orElse(TimeGrain.DAY) == TimeGrain.DAY) {
                return false;
            }
        }
        return true;
    }

    /** Whether the facts' own table holds the dimension (the time dimension, or one of the dataset's). */
    static boolean onFacts(Dimension dimension, Dataset dataset) {
        return dimension.time() || dimension.node().orElseThrow().equals(dataset.name());
    }

    /**
     * The derived table: {@code facts} filtered by {@code where}, grouped by the distribution
     * column, the fact columns of {@code joins} that start at the dataset, and {@code dimensions}
     * (aliased {@code p_d<i>} by report index), with {@code partials} (aliased {@code p_a<n>}).
     */
    static DerivedTable table(SemanticModel model, Dataset dataset, String alias, From facts, List<SqlExpr> where,
                              Collection<Join> joins, Map<Integer, SqlExpr> dimensions, List<SqlExpr> partials) {
        Set<String> keys = new LinkedHashSet<>(List.of(model.distributionColumn()));
        for (Join join : joins) {
            if (join.from().equals(dataset.name())) {
                join.on().forEach(pair -> keys.add(pair.fromColumn()));
            }
        }
        List<Item> items = new ArrayList<>();
        List<SqlExpr> groupBy = new ArrayList<>();
        for (String key : keys) {
            items.add(new Item(new Column(alias, key), key));
            groupBy.add(new IntegerConstant(items.size()));
        }
        Map<Integer, SqlExpr> ordered = new LinkedHashMap<>(dimensions);
        ordered.forEach((index, expression) -> {
            items.add(new Item(expression, dimension(index)));
            groupBy.add(new IntegerConstant(items.size()));
        });
        for (int n = 0; n < partials.size(); n++) {
            items.add(new Item(partials.get(n), partial(n)));
        }
        return new DerivedTable(Select.of(items, facts).where(where).groupBy(groupBy), alias);
    }

    static String dimension(int index) {
        return "p_d" + index;
    }

    static String partial(int n) {
        return "p_a" + n;
    }
}
