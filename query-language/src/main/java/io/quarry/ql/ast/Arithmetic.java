package io.quarry.ql.ast;

import java.util.Objects;

/** {@code left op right} for + - * / %. */
public record Arithmetic(ArithmeticOperator operator, Expression left, Expression right, SourceLocation location)
        implements Expression {
    public Arithmetic {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(location, "location");
    }
}
