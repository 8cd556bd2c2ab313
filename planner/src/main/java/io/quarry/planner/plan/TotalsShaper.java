package io.quarry.planner.plan;

import io.quarry.planner.resolve.Level;
import io.quarry.planner.resolve.ResolvedReport;
import io.quarry.planner.sql.SqlExpr.Column;
import io.quarry.planner.sql.SqlQuery.Cte;
import io.quarry.planner.sql.SqlQuery.CteSource;
import io.quarry.planner.sql.SqlQuery.Item;
import io.quarry.planner.sql.SqlQuery.Select;
import io.quarry.planner.sql.SqlQuery.UnionAllSource;
import io.quarry.planner.sql.SqlQuery.With;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Totals and subtotals without GROUPING SETS (which Citus refuses on multi-shard queries): the
 * detail rows and each total level are separate queries over the aggregated CTEs, stacked with
 * UNION ALL and told apart by the {@link Level#COLUMN} column; detail rows keep their ORDER BY
 * and LIMIT, and totals cover every row the WHERE keeps.
 */
final class TotalsShaper {

    private TotalsShaper() {
    }

    static With withTotals(ResolvedReport report, BaseCteBuilder builder, List<BaseCte> detailBases, List<Cte> ctes,
                           Select detailRows) {
        List<Cte> all = new ArrayList<>(ctes);
        all.add(new Cte("detail_rows", false, detailRows));
        List<String> parts = new ArrayList<>(List.of("detail_rows"));
        for (Level level : report.totals()) {
            List<BaseCte> bases = new ArrayList<>();
            for (int i = 0; i < detailBases.size(); i++) {
                BaseCte base = LevelBases.of(detailBases.get(i), level, "total_" + level.number() + "_base_" + i
                        + "_" + detailBases.get(i).dataset(), builder);
                bases.add(base);
                all.add(base.cte());
            }
            FinalSelectBuilder total = new FinalSelectBuilder(report, bases, level, "total_" + level.number() + "_stitched");
            total.stitch().ifPresent(all::add);
            String name = "total_" + level.number() + "_rows";
            all.add(new Cte(name, false, total.build()));
            parts.add(name);
        }
        List<String> columns = new ArrayList<>();
        report.dimensions().forEach(d -> columns.add(d.name()));
        report.metrics().forEach(m -> columns.add(m.name()));
        columns.add(Level.COLUMN);
        List<Select> branches = new ArrayList<>();
        for (String part : parts) {
            branches.add(new Select(columns.stream().map(c -> new Item(new Column(part, c), c)).toList(),
                    new CteSource(part, part), Optional.empty(), List.of(), false, Optional.empty(), List.of(),
                    Optional.empty(), Optional.empty()));
        }
        Select body = new Select(columns.stream().map(c -> new Item(new Column("r", c), c)).toList(),
                new UnionAllSource(branches, "r"), Optional.empty(), List.of(), false, Optional.empty(),
                FinalSelectBuilder.orderBy(report, true), Optional.empty(), Optional.empty());
        return new With(all, body);
    }
}
