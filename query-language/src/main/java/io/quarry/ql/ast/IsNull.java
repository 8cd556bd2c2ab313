package io.quarry.ql.ast;

import java.util.Objects;

/** {@code value IS [NOT] NULL}. */
public record IsNull(Expression value, boolean negated, SourceLocation location) implements Expression {
    public IsNull {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(location, "location");
    }
}
