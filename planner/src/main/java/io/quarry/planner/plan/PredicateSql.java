package io.quarry.planner.plan;

import io.quarry.planner.resolve.Predicate;
import io.quarry.planner.sql.SqlExpr;
import io.quarry.planner.sql.SqlExpr.Bind;
import io.quarry.planner.sql.SqlExpr.Binary;
import io.quarry.planner.sql.SqlExpr.Operator;
import java.util.function.Function;

/** Renders a resolved predicate, given how its operands are computed in the query block at hand. */
final class PredicateSql {

    private PredicateSql() {
    }

    static SqlExpr of(Predicate predicate, Function<Predicate.Operand, SqlExpr> operands) {
        if (predicate instanceof Predicate.Compare c) {
            return new Binary(c.operator(), operands.apply(c.operand()), new Bind(c.value()));
        } else if (predicate instanceof Predicate.In in) {
            return new SqlExpr.In(operands.apply(in.operand()), in.values().stream().map(v -> (SqlExpr) new Bind(v)).toList(),
                    in.negated());
        } else if (predicate instanceof Predicate.Like like) {
            Operator operator = like.caseInsensitive()
                    ? (like.negated() ? Operator.NOT_ILIKE : Operator.ILIKE)
                    : (like.negated() ? Operator.NOT_LIKE : Operator.LIKE);
            return new Binary(operator, operands.apply(like.operand()), new Bind(like.pattern()));
        } else if (predicate instanceof Predicate.IsNull n) {
            return new SqlExpr.IsNull(operands.apply(n.operand()), n.negated());
        } else if (predicate instanceof Predicate.And a) {
            return new SqlExpr.Junction(Operator.AND, a.terms().stream().map(t -> of(t, operands)).toList());
        } else if (predicate instanceof Predicate.Or o) {
            return new SqlExpr.Junction(Operator.OR, o.terms().stream().map(t -> of(t, operands)).toList());
        } else if (predicate instanceof Predicate.Not n) {
            return new SqlExpr.Not(of(n.operand(), operands));
        }
        throw new IllegalStateException("unknown predicate " + predicate);
    }
}
