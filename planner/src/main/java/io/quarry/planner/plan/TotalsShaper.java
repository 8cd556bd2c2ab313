package io.quarry.planner.plan;

import io.quarry.planner.resolve.Level;
import io.quarry.planner.resolve.ResolvedReport;
import io.quarry.planner.sql.SqlExpr;
import io.quarry.planner.sql.SqlExpr.Cast;
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

    /**
     * Stacks the rows of each level's CTE, detail first ({@code levelCtes.get(0)}), in output order;
     * a paged report's detail rows keep their count (see {@link Paging}).
     */
    static Select stack(ResolvedReport report, List<String> columns, List<String> levelCtes) {
        List<String> all = new ArrayList<>(columns);
        all.add(Level.COLUMN);
        boolean counted = Paging.counted(report);
        List<Select> branches = new ArrayList<>();
        for (String part : levelCtes) {
            List<Item> items = new ArrayList<>(all.stream().map(c -> new Item(new Column(part, c), c)).toList());
            if (counted) {
                items.add(new Item(part.equals(levelCtes.get(0)) ? new Column(part, Paging.TOTAL_ROWS)
                        : new Cast(new SqlExpr.Null(), "bigint"), Paging.TOTAL_ROWS));
            }
            branches.add(Select.of(items, new CteSource(part, part)));
        }
        if (counted) {
            all.add(Paging.TOTAL_ROWS);
        }
        return Select.of(all.stream().map(c -> new Item(new Column("r", c), c)).toList(),
                new UnionAllSource(branches, "r")).orderBy(FinalSelectBuilder.orderBy(report, true));
    }
}
