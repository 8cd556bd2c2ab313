package io.quarry.ql.ast;

import java.util.Objects;

/** Unary minus {@code -x}. (Unary plus is dropped by the parser.) */
public record Negative(Expression operand, SourceLocation location) implements Expression {
    public Negative {
        Objects.requireNonNull(operand, "operand");
        Objects.requireNonNull(location, "location");
    }
}
