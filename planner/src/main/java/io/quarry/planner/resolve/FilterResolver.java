package io.quarry.planner.resolve;

import io.quarry.planner.model.ColumnType;
import io.quarry.planner.model.ExpressionTrees;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.resolve.Predicate.DimensionOperand;
import io.quarry.planner.resolve.Predicate.MetricOperand;
import io.quarry.planner.resolve.Predicate.Operand;
import io.quarry.planner.sql.BindValue;
import io.quarry.planner.sql.SqlExpr.Operator;
import io.quarry.ql.ast.Between;
import io.quarry.ql.ast.Comparison;
import io.quarry.ql.ast.ComparisonOperator;
import io.quarry.ql.ast.During;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.FieldRef;
import io.quarry.ql.ast.InList;
import io.quarry.ql.ast.IsNull;
import io.quarry.ql.ast.Like;
import io.quarry.ql.ast.Logical;
import io.quarry.ql.ast.LogicalOperator;
import io.quarry.ql.ast.Not;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resolves WHERE (on dimensions) and HAVING (on metrics). Conditions on the time dimension must
 * be top-level AND-ed ranges ({@code date DURING ...}, comparisons, BETWEEN): they become the
 * report's absolute time range, which the planner applies to the bare time column of every
 * dataset so partitions and shards are pruned.
 */
final class FilterResolver {

    private final SemanticModel model;
    private final MetricResolver metrics;
    private final ValueResolver values;
    private final Map<String, ResolvedReport.OutputMetric> aliases;

    private final PlannerLimits limits;

    FilterResolver(SemanticModel model, MetricResolver metrics, ValueResolver values,
                   Map<String, ResolvedReport.OutputMetric> aliases, PlannerLimits limits) {
        this.limits = limits;
        this.model = model;
        this.metrics = metrics;
        this.values = values;
        this.aliases = aliases;
    }

    /** The filters of a WHERE clause and the time range its date conditions define. */
    record Where(List<Predicate> filters, TimeRange range) {
    }

    Where where(Expression where) {
        List<Predicate> filters = new ArrayList<>();
        TimeRange range = TimeRange.ALL;
        for (Expression term : conjuncts(where)) {
            TimeRange dateRange = dateRange(term);
            if (dateRange != null) {
                range = range.intersect(dateRange);
            } else {
                rejectNestedDate(term);
                filters.add(predicate(term, false));
            }
        }
        return new Where(filters, range);
    }

    List<Predicate> having(Expression having) {
        return conjuncts(having).stream().map(term -> predicate(term, true)).toList();
    }

    private static List<Expression> conjuncts(Expression expression) {
        if (expression instanceof Logical l && l.operator() == LogicalOperator.AND) {
            List<Expression> all = new ArrayList<>();
            l.terms().forEach(t -> all.addAll(conjuncts(t)));
            return all;
        }
        return List.of(expression);
    }

    private TimeRange dateRange(Expression term) {
        if (term instanceof During d && isDate(d.value())) {
            return DateRanges.resolve(d.range(), values.today());
        }
        if (term instanceof Between b && !b.negated() && isDate(b.value())) {
            return new TimeRange(values.date(b.lower()), values.date(b.upper()).plusDays(1));
        }
        if (term instanceof Comparison c && (isDate(c.left()) || isDate(c.right()))) {
            boolean dateLeft = isDate(c.left());
            LocalDate day = values.date(dateLeft ? c.right() : c.left());
            ComparisonOperator op = dateLeft ? c.operator() : flip(c.operator());
            return switch (op) {
                case EQUAL -> new TimeRange(day, day.plusDays(1));
                case GREATER_THAN -> new TimeRange(day.plusDays(1), null);
                case GREATER_THAN_OR_EQUAL -> new TimeRange(day, null);
                case LESS_THAN -> new TimeRange(null, day);
                case LESS_THAN_OR_EQUAL -> new TimeRange(null, day.plusDays(1));
                case NOT_EQUAL -> throw dateShape(term);
            };
        }
        return null;
    }

    private void rejectNestedDate(Expression term) {
        if (isDate(term)) {
            throw dateShape(term);
        }
        if (term instanceof FieldRef ref && ref.path().get(0).equals("date")) {
            throw dateShape(term);
        }
        for (Expression child : ExpressionTrees.children(term)) {
            rejectNestedDate(child);
        }
    }

    private static PlanningException dateShape(Expression term) {
        return new PlanningException(PlanningError.DATE_FILTER_SHAPE, "filter the date with AND-ed ranges on the plain"
                + " date: date DURING LAST_30_DAYS, date >= DATE '2026-01-01', date BETWEEN ... AND ..."
                + " (not under OR or NOT, not on a grain)", term.location());
    }

    private boolean isDate(Expression expression) {
        return expression instanceof FieldRef ref && ref.path().size() == 1 && model.dimensions().containsKey(ref.dotted())
                && model.dimensions().get(ref.dotted()).time();
    }

    private Predicate predicate(Expression term, boolean having) {
        if (term instanceof Logical l) {
            List<Predicate> terms = l.terms().stream().map(t -> predicate(t, having)).toList();
            return l.operator() == LogicalOperator.AND ? new Predicate.And(terms) : new Predicate.Or(terms);
        } else if (term instanceof Not n) {
            return new Predicate.Not(predicate(n.operand(), having));
        } else if (term instanceof Comparison c) {
            boolean operandLeft = !isValue(c.left());
            Expression operandExpr = operandLeft ? c.left() : c.right();
            Operand operand = operand(operandExpr, having);
            ComparisonOperator op = operandLeft ? c.operator() : flip(c.operator());
            return new Predicate.Compare(operand, operator(op), value(operand, operandLeft ? c.right() : c.left()));
        } else if (term instanceof InList in) {
            if (in.values().size() > limits.maxInList()) {
                throw new PlanningException(PlanningError.LIMIT_EXCEEDED, "an IN list has " + in.values().size()
                        + " values, more than the limit of " + limits.maxInList(), in.location());
            }
            Operand operand = operand(in.value(), having);
            return new Predicate.In(operand, in.values().stream().map(v -> value(operand, v)).toList(), in.negated());
        } else if (term instanceof Between b) {
            Operand operand = operand(b.value(), having);
            Predicate inside = new Predicate.And(List.of(
                    new Predicate.Compare(operand, Operator.GE, value(operand, b.lower())),
                    new Predicate.Compare(operand, Operator.LE, value(operand, b.upper()))));
            return b.negated() ? new Predicate.Not(inside) : inside;
        } else if (term instanceof Like like) {
            Operand operand = operand(like.value(), having);
            if (type(operand) != ColumnType.STRING) {
                throw new PlanningException(PlanningError.TYPE_MISMATCH, "LIKE needs a string field", like.location());
            }
            BindValue pattern = values.value(like.pattern(), ColumnType.STRING, "the pattern");
            if (pattern.value() instanceof String text && endsWithEscape(text)) {
                throw new PlanningException(PlanningError.INVALID_VALUE, "a LIKE pattern must not end with the escape"
                        + " character \\ (write \\\\ to match a backslash)", like.pattern().location());
            }
            return new Predicate.Like(operand, pattern, like.caseInsensitive(), like.negated());
        } else if (term instanceof IsNull n) {
            return new Predicate.IsNull(operand(n.value(), having), n.negated());
        }
        throw new PlanningException(PlanningError.TYPE_MISMATCH, "expected a condition (a comparison, IN, BETWEEN, LIKE,"
                + " IS NULL, or AND / OR / NOT of conditions)", term.location());
    }

    private Operand operand(Expression expression, boolean having) {
        if (having) {
            if (expression instanceof FieldRef ref && aliases.containsKey(ref.dotted())) {
                return new MetricOperand(aliases.get(ref.dotted()).metric());
            }
            if (!metrics.isMetric(expression)) {
                throw new PlanningException(PlanningError.AGGREGATE_MISUSE, "HAVING filters metrics; filter dimensions"
                        + " in WHERE", expression.location());
            }
            return new MetricOperand(metrics.resolve(expression));
        }
        if (expression instanceof FieldRef ref && model.dimensions().containsKey(ref.dotted())) {
            return new DimensionOperand(model.dimensions().get(ref.dotted()));
        }
        if (metrics.isMetric(expression)) {
            throw new PlanningException(PlanningError.AGGREGATE_MISUSE, "WHERE filters dimensions; filter metrics in"
                    + " HAVING", expression.location());
        }
        String name = expression instanceof FieldRef ref ? ref.dotted() : "";
        throw new PlanningException(PlanningError.UNKNOWN_FIELD, expression instanceof FieldRef
                ? "unknown dimension '" + name + "'" : "filters compare a dimension with values",
                expression.location(), Suggestions.closest(name, model.dimensions().keySet()));
    }

    /**
     * The value a field is compared with; NULL is refused: a comparison with it is never true
     * (and, folded to a constant, it is a filter Citus refuses next to an outer join).
     */
    private BindValue value(Operand operand, Expression value) {
        String what = operand instanceof DimensionOperand d ? d.dimension().name() : "a metric";
        BindValue bound = values.value(value, type(operand), what);
        if (bound.value() == null) {
            throw new PlanningException(PlanningError.INVALID_VALUE, "a comparison with NULL is never true (NULL is"
                    + " no value); to keep or drop missing values write " + what + " IS NULL or IS NOT NULL",
                    value.location());
        }
        return bound;
    }

    /** A metric's values are compared as decimals when they are numbers (whatever their SQL type). */
    private static ColumnType type(Operand operand) {
        if (operand instanceof DimensionOperand d) {
            return d.dimension().type();
        }
        ColumnType type = MetricTrees.type(((MetricOperand) operand).metric());
        return type.numeric() ? ColumnType.DECIMAL : type;
    }

    /** Whether a pattern ends with an unescaped backslash, which PostgreSQL refuses. */
    private static boolean endsWithEscape(String pattern) {
        int backslashes = 0;
        for (int i = pattern.length() - 1; i >= 0 && pattern.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private boolean isValue(Expression expression) {
        return !(expression instanceof FieldRef) && !metrics.isMetric(expression);
    }

    private static ComparisonOperator flip(ComparisonOperator op) {
        return switch (op) {
            case LESS_THAN -> ComparisonOperator.GREATER_THAN;
            case LESS_THAN_OR_EQUAL -> ComparisonOperator.GREATER_THAN_OR_EQUAL;
            case GREATER_THAN -> ComparisonOperator.LESS_THAN;
            case GREATER_THAN_OR_EQUAL -> ComparisonOperator.LESS_THAN_OR_EQUAL;
            default -> op;
        };
    }

    private static Operator operator(ComparisonOperator op) {
        return switch (op) {
            case EQUAL -> Operator.EQ;
            case NOT_EQUAL -> Operator.NE;
            case LESS_THAN -> Operator.LT;
            case LESS_THAN_OR_EQUAL -> Operator.LE;
            case GREATER_THAN -> Operator.GT;
            case GREATER_THAN_OR_EQUAL -> Operator.GE;
        };
    }
}
