package io.quarry.ql.ast;

import java.util.List;
import java.util.Objects;

/** {@code value [NOT] IN (a, b, ...)}. */
public record InList(Expression value, List<Expression> values, boolean negated, SourceLocation location)
        implements Expression {
    public InList {
        Objects.requireNonNull(value, "value");
        values = List.copyOf(values);
        Objects.requireNonNull(location, "location");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("IN needs at least one value");
        }
    }
}
