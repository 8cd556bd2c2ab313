package io.quarry.ql.ast;

import java.util.Objects;

/** {@code date DURING LAST_30_DAYS}. */
public record During(Expression value, DateRange range, SourceLocation location) implements Expression {
    public During {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(location, "location");
    }
}
