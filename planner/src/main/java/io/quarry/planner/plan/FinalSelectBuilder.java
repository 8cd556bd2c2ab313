package io.quarry.planner.plan;

import io.quarry.planner.resolve.MetricTree;
import io.quarry.planner.resolve.MetricTree.Aggregate;
import io.quarry.planner.resolve.Predicate;
import io.quarry.planner.resolve.ResolvedReport;
import io.quarry.planner.resolve.ResolvedReport.OutputMetric;
import io.quarry.planner.resolve.ResolvedReport.Ordering;
import io.quarry.planner.sql.BindType;
import io.quarry.planner.sql.BindValue;
import io.quarry.planner.sql.SqlExpr;
import io.quarry.planner.sql.SqlExpr.Binary;
import io.quarry.planner.sql.SqlExpr.Bind;
import io.quarry.planner.sql.SqlExpr.Column;
import io.quarry.planner.sql.SqlExpr.Junction;
import io.quarry.planner.sql.SqlExpr.Operator;
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
 * The final query over the base CTEs, run on the coordinator over small aggregated rows. Several
 * datasets are stitched, not joined: their rows are stacked (UNION ALL) and grouped by the
 * report's dimensions, so a day with events but no spend still appears, NULL dimension values
 * match, and no dataset's rows can multiply another's. Then it computes derived metrics with
 * safe division, applies HAVING, orders and limits.
 */
final class FinalSelectBuilder {

    static final String STITCHED = "stitched";

    private final ResolvedReport report;
    private final List<BaseCte> bases;
    private final Map<Aggregate, String> stitchedColumns = new HashMap<>();

    FinalSelectBuilder(ResolvedReport report, List<BaseCte> bases) {
        this.report = report;
        this.bases = bases;
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
            for (int d = 0; d < report.dimensions().size(); d++) {
                items.add(new Item(new Column(alias(b), base.dimensionColumns().get(d)), "d" + d));
            }
            for (int a = 0; a < all.size(); a++) {
                String column = base.aggregateColumns().get(all.get(a));
                items.add(new Item(column == null ? new SqlExpr.Null() : new Column(alias(b), column), "x" + a));
            }
            branches.add(new Select(items, new CteSource(base.cte().name(), alias(b)), Optional.empty(), List.of(), false,
                    Optional.empty(), List.of(), Optional.empty(), Optional.empty()));
        }
        List<Item> items = new ArrayList<>();
        List<SqlExpr> groupBy = new ArrayList<>();
        for (int d = 0; d < report.dimensions().size(); d++) {
            items.add(new Item(new Column("u", "d" + d), "d" + d));
            groupBy.add(new SqlExpr.IntegerConstant(d + 1));
        }
        for (int a = 0; a < all.size(); a++) {
            items.add(new Item(SqlExpr.Function.of("max", new Column("u", "x" + a)), "x" + a));
            stitchedColumns.put(all.get(a), "x" + a);
        }
        return Optional.of(new Cte(STITCHED, false, new Select(items, new UnionAllSource(branches, "u"), Optional.empty(),
                groupBy, false, Optional.empty(), List.of(), Optional.empty(), Optional.empty())));
    }

    Select build() {
        boolean stitched = bases.size() > 1;
        if (stitched && stitchedColumns.isEmpty()) {
            stitch();
        }
        From from = stitched ? new CteSource(STITCHED, "s") : new CteSource(bases.get(0).cte().name(), alias(0));
        List<Item> items = new ArrayList<>();
        for (int d = 0; d < report.dimensions().size(); d++) {
            items.add(new Item(dimension(d), report.dimensions().get(d).name()));
        }
        for (OutputMetric metric : report.metrics()) {
            items.add(new Item(metric(metric.metric()), metric.name()));
        }
        List<SqlExpr> having = report.having().stream()
                .map(p -> PredicateSql.of(p, operand -> metric(((Predicate.MetricOperand) operand).metric())))
                .toList();
        Optional<SqlExpr> where = having.isEmpty() ? Optional.empty()
                : Optional.of(having.size() == 1 ? having.get(0) : new Junction(Operator.AND, having));
        return new Select(items, from, where, List.of(), false, Optional.empty(), orderBy(),
                report.limit().map(l -> new Bind(new BindValue(l, BindType.BIGINT))),
                report.offset().map(o -> new Bind(new BindValue(o, BindType.BIGINT))));
    }

    /** Explicit order first; then every dimension, so results are deterministic. */
    private List<Order> orderBy() {
        List<Order> orders = new ArrayList<>();
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
        return bases.size() == 1 ? new Column(alias(0), bases.get(0).dimensionColumns().get(d)) : new Column("s", "d" + d);
    }

    private SqlExpr metric(MetricTree tree) {
        if (tree instanceof Aggregate aggregate) {
            if (bases.size() > 1) {
                return new Column("s", stitchedColumns.get(aggregate));
            }
            return new Column(alias(0), bases.get(0).aggregateColumns().get(aggregate));
        } else if (tree instanceof MetricTree.Number n) {
            return RowExpressions.number(n.value());
        } else if (tree instanceof MetricTree.Negative n) {
            return new SqlExpr.Negate(metric(n.operand()));
        } else if (tree instanceof MetricTree.Function f) {
            return new SqlExpr.Function(f.name(), f.arguments().stream().map(this::metric).toList(), false, false,
                    Optional.empty());
        } else if (tree instanceof MetricTree.Arithmetic a) {
            SqlExpr left = metric(a.left());
            SqlExpr right = metric(a.right());
            return switch (a.operator()) {
                case ADD -> new Binary(Operator.PLUS, left, right);
                case SUBTRACT -> new Binary(Operator.MINUS, left, right);
                case MULTIPLY -> new Binary(Operator.TIMES, left, right);
                case DIVIDE -> SafeDivision.of(left, right);
                case MODULUS -> SqlExpr.Function.of("mod", left, right);
            };
        }
        throw new IllegalStateException("unknown metric node " + tree);
    }

    static String alias(int base) {
        return "b" + base;
    }
}
