package io.quarry.planner.resolve;

import io.quarry.planner.model.Aggregation;
import io.quarry.planner.model.ColumnType;
import io.quarry.planner.model.Dimension;
import io.quarry.planner.resolve.MetricTree.Aggregate;
import io.quarry.ql.ast.ArithmeticOperator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Walks over metric trees and predicates. */
public final class MetricTrees {

    private MetricTrees() {
    }

    /** Every aggregate in the tree, left to right. */
    public static List<Aggregate> aggregates(MetricTree tree) {
        List<Aggregate> found = new ArrayList<>();
        collect(tree, found);
        return found;
    }

    private static void collect(MetricTree tree, List<Aggregate> found) {
        if (tree instanceof Aggregate a) {
            found.add(a);
        } else if (tree instanceof MetricTree.Arithmetic a) {
            collect(a.left(), found);
            collect(a.right(), found);
        } else if (tree instanceof MetricTree.Negative n) {
            collect(n.operand(), found);
        } else if (tree instanceof MetricTree.Function f) {
            f.arguments().forEach(argument -> collect(argument, found));
        }
    }

    /**
     * The type of a metric's values: an aggregate's own, decimal for numbers and arithmetic
     * (division is numeric, see SafeDivision), a function's by {@link Functions}.
     */
    public static ColumnType type(MetricTree tree) {
        if (tree instanceof Aggregate a) {
            return a.type();
        } else if (tree instanceof MetricTree.Negative n) {
            return type(n.operand());
        } else if (tree instanceof MetricTree.Function f) {
            ColumnType first = type(f.arguments().get(0));
            return switch (f.name()) {
                case "round" -> ColumnType.DECIMAL;
                case "abs" -> first;
                default -> f.arguments().stream().map(MetricTrees::type).reduce(Types::common).orElseThrow();
            };
        }
        return ColumnType.DECIMAL;
    }

    /** Whether a metric's value is a quotient: it divides, or averages, anywhere in its tree. */
    public static boolean quotient(MetricTree tree) {
        if (tree instanceof Aggregate a) {
            return a.aggregation() == Aggregation.AVG;
        } else if (tree instanceof MetricTree.Arithmetic a) {
            return a.operator() == ArithmeticOperator.DIVIDE || quotient(a.left()) || quotient(a.right());
        } else if (tree instanceof MetricTree.Negative n) {
            return quotient(n.operand());
        } else if (tree instanceof MetricTree.Function f) {
            return f.arguments().stream().anyMatch(MetricTrees::quotient);
        }
        return false;
    }

    static void datasets(MetricTree tree, Set<String> into) {
        aggregates(tree).forEach(a -> into.add(a.dataset()));
    }

    static void datasets(Predicate predicate, Set<String> into) {
        metrics(predicate).forEach(m -> datasets(m, into));
    }

    /** The metric operands of a predicate. */
    public static List<MetricTree> metrics(Predicate predicate) {
        List<MetricTree> found = new ArrayList<>();
        operands(predicate, found, new ArrayList<>());
        return found;
    }

    /** The dimension operands of a predicate. */
    public static Set<Dimension> dimensions(Predicate predicate) {
        List<Dimension> found = new ArrayList<>();
        operands(predicate, new ArrayList<>(), found);
        return new LinkedHashSet<>(found);
    }

    private static void operands(Predicate predicate, List<MetricTree> metrics,
                                 List<Dimension> dimensions) {
        Predicate.Operand operand = null;
        if (predicate instanceof Predicate.Compare c) {
            operand = c.operand();
        } else if (predicate instanceof Predicate.In in) {
            operand = in.operand();
        } else if (predicate instanceof Predicate.Like l) {
            operand = l.operand();
        } else if (predicate instanceof Predicate.IsNull n) {
            operand = n.operand();
        } else if (predicate instanceof Predicate.And a) {
            a.terms().forEach(t -> operands(t, metrics, dimensions));
        } else if (predicate instanceof Predicate.Or o) {
            o.terms().forEach(t -> operands(t, metrics, dimensions));
        } else if (predicate instanceof Predicate.Not n) {
            operands(n.operand(), metrics, dimensions);
        }
        if (operand instanceof Predicate.MetricOperand m) {
            metrics.add(m.metric());
        } else if (operand instanceof Predicate.DimensionOperand d) {
            dimensions.add(d.dimension());
        }
    }
}
