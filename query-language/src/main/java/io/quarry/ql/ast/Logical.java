package io.quarry.ql.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code a AND b AND c} or {@code a OR b}: one node per unparenthesized chain of the same operator,
 * with at least two terms. A parenthesized chain stays a separate (nested) node.
 */
public record Logical(LogicalOperator operator, List<Expression> terms, SourceLocation location)
        implements Expression {
    public Logical {
        Objects.requireNonNull(operator, "operator");
        terms = List.copyOf(terms);
        Objects.requireNonNull(location, "location");
        if (terms.size() < 2) {
            throw new IllegalArgumentException("a logical expression needs at least two terms");
        }
    }
}
