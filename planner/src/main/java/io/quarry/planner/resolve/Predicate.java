package io.quarry.planner.resolve;

import io.quarry.planner.model.Dimension;
import io.quarry.planner.sql.BindValue;
import io.quarry.planner.sql.SqlExpr.Operator;
import java.util.List;

/**
 * A resolved filter: on dimensions (WHERE, pushed into every base CTE) or on metrics (HAVING,
 * applied to the aggregated rows). Values are bind values of the operand's type.
 */
public sealed interface Predicate {

    /** What a predicate tests. */
    sealed interface Operand {
    }

    record DimensionOperand(Dimension dimension) implements Operand {
    }

    record MetricOperand(MetricTree metric) implements Operand {
    }

    record Compare(Operand operand, Operator operator, BindValue value) implements Predicate {
    }

    record In(Operand operand, List<BindValue> values, boolean negated) implements Predicate {
        public In {
            values = List.copyOf(values);
        }
    }

    record Like(Operand operand, BindValue pattern, boolean caseInsensitive, boolean negated) implements Predicate {
    }

    record IsNull(Operand operand, boolean negated) implements Predicate {
    }

    record And(List<Predicate> terms) implements Predicate {
        public And {
            terms = List.copyOf(terms);
        }
    }

    record Or(List<Predicate> terms) implements Predicate {
        public Or {
            terms = List.copyOf(terms);
        }
    }

    record Not(Predicate operand) implements Predicate {
    }
}
