package io.quarry.planner.plan;

import io.quarry.planner.resolve.Level;
import io.quarry.planner.resolve.MetricTree;
import io.quarry.planner.resolve.MetricTree.Aggregate;
import io.quarry.planner.resolve.Predicate;
import io.quarry.planner.resolve.ResolvedReport;
import io.quarry.planner.resolve.ResolvedReport.OutputMetric;
import io.quarry.planner.resolve.ResolvedReport.Ordering;
import io.quarry.planner.sql.BindType;
import io.quarry.planner.sql.BindValue;
import io.quarry.planner.sql.SqlExpr;
import io.quarry.planner.sql.SqlExpr.Bind;
import io.quarry.planner.sql.SqlExpr.Column;
import io.quarry.planner.sql.SqlExpr.IntegerConstant;
import io.quarry.planner.sql.SqlQuery.Cte;
import io.quarry.planner.sql.SqlQuery.CteSource;
import io.quarry.planner.sql.SqlQuery.From;
import io.quarry.planner.sql.SqlQuery.Item;
import io.quarry.planner.sql.SqlQuery.Order;
import io.quarry.planner.sql.SqlQuery.Select;
import io.quarry.planner.sql.SqlQuery.UnionAllSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query over one level's base CTEs, run on the coordinator over small aggregated rows.
 * Several datasets are stitched, not joined: their rows are stacked (UNION ALL) and grouped by
 * the level's dimensions, so a day with events but no spend still appears, NULL dimension values
 * match, and no dataset's rows can multiply another's. Then it computes derived metrics with
 * safe division from the level's own aggregates (a ratio of totals, never a sum of ratios). The
 * detail level also applies HAVING, orders and limits.
 */
final class FinalSelectBuilder {

    private final ResolvedReport report;
    private final List<BaseCte> bases;
    private final Level level;
    private final String stitchedName;
    private final Map<Aggregate, String> stitchedColumns = new HashMap<>();

    FinalSelectBuilder(ResolvedReport report, List<BaseCte> bases, Level level, String stitchedName) {
        this.report = report;
        this.bases = bases;
        this.level = level;
        this.stitchedName = stitchedName;
    }

    /** The level's rows, and the stitching CTE when there are several datasets. */
    static LevelSelect of(ResolvedReport report, List<BaseCte> bases, Level level, String stitchedName) {
        FinalSelectBuilder builder = new FinalSelectBuilder(report, bases, level, stitchedName);
        List<Cte> ctes = builder.stitch().map(List::of).orElse(List.of());
        return new LevelSelect(ctes, builder.build());
    }

    /** The CTE that stitches several datasets' rows together, when there are several. */
    Optional<Cte> stitch() {
        if (bases.size() == 1) {
            return Optional.empty();
        }
        List<Aggregate> all = new ArrayList<>();
        bases.forEach(b -> all.addAll(b.aggregateColumns().keySet()));
        List<Select> branches = new ArrayList<>();
        for (int b = 0; b < bases.size(); b++) {
            BaseCte base = bases.get(b);
            List<Item> items = new ArrayList<>();
            for (int d : level.dimensions()) {
                items.add(new Item(new Column(alias(b), base.dimensionColumns().get(d)), "d" + d));
            }
            for (int a = 0; a < all.size(); a++) {
                String column = base.aggregateColumns().get(all.get(a));
                items.add(new Item(column == null ? typedNull(all.get(a)) : new Column(alias(b), column), "x" + a));
            }
            branches.add(select(items, new CteSource(base.cte().name(), alias(b)), List.of()));
        }
        List<Item> items = new ArrayList<>();
        List<SqlExpr> groupBy = new ArrayList<>();
        for (int d : level.dimensions()) {
            items.add(new Item(new Column("u", "d" + d), "d" + d));
            groupBy.add(new IntegerConstant(items.size()));
        }
        for (int a = 0; a < all.size(); a++) {
            items.add(new Item(SqlExpr.Function.of("max", new Column("u", "x" + a)), "x" + a));
            stitchedColumns.put(all.get(a), "x" + a);
        }
        return Optional.of(new Cte(stitchedName, false, select(items, new UnionAllSource(branches, "u"), groupBy)));
    }

    Select build() {
        if (bases.size() > 1 && stitchedColumns.isEmpty()) {
            throw new IllegalStateException("stitch() first");
        }
        From from = bases.size() > 1 ? new CteSource(stitchedName, "s") : new CteSource(bases.get(0).cte().name(), alias(0));
        List<Item> items = new ArrayList<>();
        for (int d = 0; d < report.dimensions().size(); d++) {
            items.add(new Item(dimension(d), report.dimensions().get(d).name()));
        }
        for (OutputMetric metric : report.metrics()) {
            items.add(new Item(Rounding.of(metric, metric(metric.metric())), metric.name()));
        }
        if (!report.totals().isEmpty()) {
            items.add(new Item(new IntegerConstant(level.number()), Level.COLUMN));
        }
        if (!level.isDetail()) {
            return select(items, from, List.of());
        }
        List<SqlExpr> having = report.having().stream()
                .map(p -> PredicateSql.of(p, operand -> metric(((Predicate.MetricOperand) operand).metric())))
                .toList();
        return limited(report, Select.of(items, from).where(having).orderBy(orderBy(report, false)));
    }

    /**
     * The report's LIMIT and OFFSET on its detail rows, with the number of rows before them in
     * {@value Paging#TOTAL_ROWS}; a pivot's count pivot rows, so they are applied after pivoting
     * instead.
     */
    static Select limited(ResolvedReport report, Select select) {
        if (!Paging.counted(report)) {
            return select;
        }
        List<Item> items = new ArrayList<>(select.items());
        items.add(new Item(new SqlExpr.CountOver(), Paging.TOTAL_ROWS));
        return new Select(items, select.from(), select.where(), select.groupBy(), select.orderBy(),
                Optional.empty(), Optional.empty()).limit(report.limit().map(l -> new Bind(new BindValue(l, BindType.BIGINT))),
                report.offset().map(o -> new Bind(new BindValue(o, BindType.BIGINT))));
    }

    /** Explicit order first; then every dimension, so results are deterministic. */
    static List<Order> orderBy(ResolvedReport report, boolean levelFirst) {
        List<Order> orders = new ArrayList<>();
        if (levelFirst) {
            orders.add(new Order(new Column(null, Level.COLUMN), false, Optional.empty()));
        }
        List<String> used = new ArrayList<>();
        for (Ordering ordering : report.orderBy()) {
            orders.add(new Order(new Column(null, ordering.column()), ordering.descending(), ordering.nullsFirst()));
            used.add(ordering.column());
        }
        for (ResolvedReport.OutputDimension dimension : report.dimensions()) {
            if (!used.contains(dimension.name())) {
                orders.add(new Order(new Column(null, dimension.name()), false, Optional.empty()));
            }
        }
        return orders;
    }

    private SqlExpr dimension(int d) {
        if (!level.keeps(d)) {
            // Typed, so the UNION ALL with the detail rows lines up.
            return new SqlExpr.Cast(new SqlExpr.Null(), report.dimensions().get(d).type().sqlType());
        }
        return bases.size() == 1 ? new Column(alias(0), bases.get(0).dimensionColumns().get(d)) : new Column("s", "d" + d);
    }

    private SqlExpr metric(MetricTree tree) {
        return MetricSql.of(tree, aggregate -> bases.size() > 1 ? new Column("s", stitchedColumns.get(aggregate))
                : new Column(alias(0), bases.get(0).aggregateColumns().get(aggregate)));
    }

    /** A NULL of the aggregate's type (see {@link AggregateSql#resultType}). */
    private SqlExpr typedNull(Aggregate aggregate) {
        return typedNull(bases, aggregate);
    }

    static SqlExpr typedNull(List<BaseCte> bases, Aggregate aggregate) {
        String type = bases.stream().map(b -> b.aggregateTypes().get(aggregate)).filter(t -> t != null)
                .findFirst().orElseThrow();
        return new SqlExpr.Cast(new SqlExpr.Null(), type);
    }

    private static Select select(List<Item> items, From from, List<SqlExpr> groupBy) {
        return Select.of(items, from).groupBy(groupBy);
    }

    static String alias(int base) {
        return "b" + base;
    }
}
