package io.quarry.planner.plan;

import io.quarry.planner.resolve.Level;
import io.quarry.planner.resolve.ResolvedReport;
import io.quarry.planner.sql.SqlExpr.Column;
import io.quarry.planner.sql.SqlQuery.CteSource;
import io.quarry.planner.sql.SqlQuery.Item;
import io.quarry.planner.sql.SqlQuery.Select;
import io.quarry.planner.sql.SqlQuery.UnionAllSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Totals and subtotals without GROUPING SETS (which Citus refuses on multi-shard queries): the
 * detail rows and each total level are separate queries over the aggregated CTEs, stacked with
 * UNION ALL and told apart by the {@link Level#COLUMN} column; detail rows keep their ORDER BY
 * and LIMIT, and totals cover every row the WHERE keeps.
 */
final class TotalsShaper {

    private TotalsShaper() {
    }

    /** Stacks the rows of each level's CTE, detail first, in output order. */
    static Select stack(ResolvedReport report, List<String> columns, List<String> levelCtes) {
        List<String> all = new ArrayList<>(columns);
        all.add(Level.COLUMN);
        List<Select> branches = new ArrayList<>();
        for (String part : levelCtes) {
            branches.add(Select.of(all.stream().map(c -> new Item(new Column(part, c), c)).toList(),
                    new CteSource(part, part)));
        }
        return Select.of(all.stream().map(c -> new Item(new Column("r", c), c)).toList(),
                new UnionAllSource(branches, "r")).orderBy(FinalSelectBuilder.orderBy(report, true));
    }
}
