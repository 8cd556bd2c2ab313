package io.quarry.planner.plan;

import io.quarry.planner.resolve.Level;
import io.quarry.planner.resolve.MetricTree.Aggregate;
import io.quarry.planner.resolve.Predicate;
import io.quarry.planner.resolve.ResolvedReport;
import io.quarry.planner.resolve.ResolvedReport.OutputMetric;
import io.quarry.planner.sql.SqlExpr;
import io.quarry.planner.sql.SqlExpr.Binary;
import io.quarry.planner.sql.SqlExpr.Column;
import io.quarry.planner.sql.SqlExpr.IntegerConstant;
import io.quarry.planner.sql.SqlExpr.Operator;
import io.quarry.planner.sql.SqlQuery.Cte;
import io.quarry.planner.sql.SqlQuery.CteSource;
import io.quarry.planner.sql.SqlQuery.Item;
import io.quarry.planner.sql.SqlQuery.Select;
import io.quarry.planner.sql.SqlQuery.UnionAllSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * COMPARE, for one level: each dataset is aggregated a second time over the comparison period
 * (its time buckets shifted onto the report's), both periods' rows are stitched on the level's
 * dimensions, and every metric comes out three times: current, {@code <name>_previous}, and
 * {@code <name>_change} (relative change, null where the previous value is zero or missing).
 */
final class CompareShaper {

    static final String PREVIOUS = "_previous";
    static final String CHANGE = "_change";

    private CompareShaper() {
    }

    static LevelSelect of(ResolvedReport report, Level level, List<BaseCte> current, List<BaseCte> previous,
                          String comparedName) {
        List<Aggregate> all = new ArrayList<>();
        current.forEach(b -> all.addAll(b.aggregateColumns().keySet()));
        Map<Aggregate, String> now = new HashMap<>();
        Map<Aggregate, String> before = new HashMap<>();
        for (int a = 0; a < all.size(); a++) {
            now.put(all.get(a), "x" + a);
            before.put(all.get(a), "p" + a);
        }
        List<Select> branches = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            branches.add(branch(level, current.get(i), current, all, "c" + i, true));
            branches.add(branch(level, previous.get(i), current, all, "q" + i, false));
        }
        List<Item> items = new ArrayList<>();
        List<SqlExpr> groupBy = new ArrayList<>();
        for (int d : level.dimensions()) {
            items.add(new Item(new Column("u", "d" + d), "d" + d));
            groupBy.add(new IntegerConstant(items.size()));
        }
        for (int a = 0; a < all.size(); a++) {
            items.add(new Item(SqlExpr.Function.of("max", new Column("u", "x" + a)), "x" + a));
            items.add(new Item(SqlExpr.Function.of("max", new Column("u", "p" + a)), "p" + a));
        }
        Cte compared = new Cte(comparedName, false, Select.of(items, new UnionAllSource(branches, "u")).groupBy(groupBy));
        return new LevelSelect(List.of(compared), body(report, level, comparedName, now, before));
    }

    /** One period of one dataset, with NULL for every column that belongs to the other period. */
    private static Select branch(Level level, BaseCte base, List<BaseCte> bases, List<Aggregate> all, String alias,
                                 boolean isCurrent) {
        List<Item> items = new ArrayList<>();
        for (int d : level.dimensions()) {
            items.add(new Item(new Column(alias, base.dimensionColumns().get(d)), "d" + d));
        }
        for (int a = 0; a < all.size(); a++) {
            String column = base.aggregateColumns().get(all.get(a));
            SqlExpr none = FinalSelectBuilder.typedNull(bases, all.get(a));
            SqlExpr value = column == null ? none : new Column(alias, column);
            items.add(new Item(isCurrent ? value : none, "x" + a));
            items.add(new Item(isCurrent ? none : value, "p" + a));
        }
        return Select.of(items, new CteSource(base.cte().name(), alias));
    }

    private static Select body(ResolvedReport report, Level level, String compared, Map<Aggregate, String> now,
                               Map<Aggregate, String> before) {
        List<Item> items = new ArrayList<>();
        for (int d = 0; d < report.dimensions().size(); d++) {
            SqlExpr value = level.keeps(d) ? new Column("s", "d" + d)
                    : new SqlExpr.Cast(new SqlExpr.Null(), report.dimensions().get(d).type().sqlType());
            items.add(new Item(value, report.dimensions().get(d).name()));
        }
        for (OutputMetric metric : report.metrics()) {
            SqlExpr current = MetricSql.of(metric.metric(), a -> new Column("s", now.get(a)));
            SqlExpr previous = MetricSql.of(metric.metric(), a -> new Column("s", before.get(a)));
            items.add(new Item(Rounding.of(metric, current), metric.name()));
            items.add(new Item(Rounding.of(metric, previous), metric.name() + PREVIOUS));
            items.add(new Item(Rounding.to(SafeDivision.of(new Binary(Operator.MINUS, current, previous), previous),
                    report.compare().orElseThrow().changeScale()), metric.name() + CHANGE));
        }
        if (!report.totals().isEmpty()) {
            items.add(new Item(new IntegerConstant(level.number()), Level.COLUMN));
        }
        Select select = Select.of(items, new CteSource(compared, "s"));
        if (!level.isDetail()) {
            return select;
        }
        List<SqlExpr> having = report.having().stream()
                .map(p -> PredicateSql.of(p, operand -> MetricSql.of(((Predicate.MetricOperand) operand).metric(),
                        a -> new Column("s", now.get(a)))))
                .toList();
        return FinalSelectBuilder.limited(report, select.where(having).orderBy(FinalSelectBuilder.orderBy(report, false)));
    }
}
