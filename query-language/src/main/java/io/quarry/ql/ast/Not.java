package io.quarry.ql.ast;

import java.util.Objects;

/** {@code NOT x}. */
public record Not(Expression operand, SourceLocation location) implements Expression {
    public Not {
        Objects.requireNonNull(operand, "operand");
        Objects.requireNonNull(location, "location");
    }
}
