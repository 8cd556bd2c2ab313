package io.quarry.planner.plan;

import io.quarry.planner.resolve.Level;
import io.quarry.planner.resolve.MetricTree.Aggregate;
import io.quarry.planner.resolve.Predicate;
import io.quarry.planner.resolve.ResolvedReport;
import io.quarry.planner.resolve.ResolvedReport.Comparison;
import io.quarry.planner.resolve.ResolvedReport.OutputMetric;
import io.quarry.planner.sql.BindType;
import io.quarry.planner.sql.BindValue;
import io.quarry.planner.sql.SqlExpr;
import io.quarry.planner.sql.SqlExpr.Bind;
import io.quarry.planner.sql.SqlExpr.Binary;
import io.quarry.planner.sql.SqlExpr.Column;
import io.quarry.planner.sql.SqlExpr.IntegerConstant;
import io.quarry.planner.sql.SqlExpr.Junction;
import io.quarry.planner.sql.SqlExpr.Operator;
import io.quarry.planner.sql.SqlQuery.Cte;
import io.quarry.planner.sql.SqlQuery.CteSource;
import io.quarry.planner.sql.SqlQuery.Item;
import io.quarry.planner.sql.SqlQuery.Select;
import io.quarry.planner.sql.SqlQuery.UnionAllSource;
import io.quarry.planner.sql.SqlQuery.With;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * COMPARE: each dataset is aggregated a second time over the comparison period (its time
 * buckets shifted onto the report's), both periods' rows are stitched on the dimensions, and
 * every metric comes out three times: current, {@code <name>_previous}, and
 * {@code <name>_change} (relative change, null where the previous value is zero or missing).
 */
final class CompareShaper {

    static final String PREVIOUS = "_previous";
    static final String CHANGE = "_change";

    private CompareShaper() {
    }

    static With shape(ResolvedReport report, BaseCteBuilder builder, List<BaseCte> current) {
        Comparison comparison = report.compare().orElseThrow();
        List<Cte> ctes = new ArrayList<>();
        List<BaseCte> previous = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            ctes.add(current.get(i).cte());
            BaseCte base = builder.build(current.get(i).dataset(), "previous_" + i + "_" + current.get(i).dataset(),
                    Level.detail(report), comparison.previous(), comparison.shiftDays());
            previous.add(base);
            ctes.add(base.cte());
        }
        Map<Aggregate, String> now = new HashMap<>();
        Map<Aggregate, String> before = new HashMap<>();
        List<Select> branches = new ArrayList<>();
        List<Aggregate> all = new ArrayList<>();
        current.forEach(b -> all.addAll(b.aggregateColumns().keySet()));
        for (int a = 0; a < all.size(); a++) {
            now.put(all.get(a), "x" + a);
            before.put(all.get(a), "p" + a);
        }
        for (int i = 0; i < current.size(); i++) {
            branches.add(branch(report, current.get(i), all, "c" + i, true));
            branches.add(branch(report, previous.get(i), all, "q" + i, false));
        }
        List<Item> items = new ArrayList<>();
        List<SqlExpr> groupBy = new ArrayList<>();
        for (int d = 0; d < report.dimensions().size(); d++) {
            items.add(new Item(new Column("u", "d" + d), "d" + d));
            groupBy.add(new IntegerConstant(items.size()));
        }
        for (int a = 0; a < all.size(); a++) {
            items.add(new Item(SqlExpr.Function.of("max", new Column("u", "x" + a)), "x" + a));
            items.add(new Item(SqlExpr.Function.of("max", new Column("u", "p" + a)), "p" + a));
        }
        ctes.add(new Cte("compared", false, new Select(items, new UnionAllSource(branches, "u"), Optional.empty(),
                groupBy, false, Optional.empty(), List.of(), Optional.empty(), Optional.empty())));
        return new With(ctes, body(report, now, before));
    }

    /** One period of one dataset, with NULL for every column that belongs to the other period. */
    private static Select branch(ResolvedReport report, BaseCte base, List<Aggregate> all, String alias, boolean isCurrent) {
        List<Item> items = new ArrayList<>();
        for (int d = 0; d < report.dimensions().size(); d++) {
            items.add(new Item(new Column(alias, base.dimensionColumns().get(d)), "d" + d));
        }
        for (int a = 0; a < all.size(); a++) {
            String column = base.aggregateColumns().get(all.get(a));
            SqlExpr value = column == null ? new SqlExpr.Null() : new Column(alias, column);
            items.add(new Item(isCurrent ? value : new SqlExpr.Null(), "x" + a));
            items.add(new Item(isCurrent ? new SqlExpr.Null() : value, "p" + a));
        }
        return new Select(items, new CteSource(base.cte().name(), alias), Optional.empty(), List.of(), false,
                Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    }

    private static Select body(ResolvedReport report, Map<Aggregate, String> now, Map<Aggregate, String> before) {
        List<Item> items = new ArrayList<>();
        for (int d = 0; d < report.dimensions().size(); d++) {
            items.add(new Item(new Column("s", "d" + d), report.dimensions().get(d).name()));
        }
        for (OutputMetric metric : report.metrics()) {
            SqlExpr current = MetricSql.of(metric.metric(), a -> new Column("s", now.get(a)));
            SqlExpr previous = MetricSql.of(metric.metric(), a -> new Column("s", before.get(a)));
            items.add(new Item(current, metric.name()));
            items.add(new Item(previous, metric.name() + PREVIOUS));
            items.add(new Item(SafeDivision.of(new Binary(Operator.MINUS, current, previous), previous),
                    metric.name() + CHANGE));
        }
        List<SqlExpr> having = report.having().stream()
                .map(p -> PredicateSql.of(p, operand -> MetricSql.of(((Predicate.MetricOperand) operand).metric(),
                        a -> new Column("s", now.get(a)))))
                .toList();
        Optional<SqlExpr> where = having.isEmpty() ? Optional.empty()
                : Optional.of(having.size() == 1 ? having.get(0) : new Junction(Operator.AND, having));
        return new Select(items, new CteSource("compared", "s"), where, List.of(), false, Optional.empty(),
                FinalSelectBuilder.orderBy(report, false),
                report.limit().map(l -> new Bind(new BindValue(l, BindType.BIGINT))),
                report.offset().map(o -> new Bind(new BindValue(o, BindType.BIGINT))));
    }
}
