package io.quarry.ql.ast;

import java.util.Objects;

/** {@code value [NOT] BETWEEN lower AND upper}. */
public record Between(Expression value, Expression lower, Expression upper, boolean negated, SourceLocation location)
        implements Expression {
    public Between {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
        Objects.requireNonNull(location, "location");
    }
}
