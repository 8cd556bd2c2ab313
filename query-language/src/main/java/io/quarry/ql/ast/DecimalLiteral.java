package io.quarry.ql.ast;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * {@code 1.50}: not negative, scale at least 1 ({@code 1.} reads as {@code 1.0}); the scale is kept
 * as written, so {@code 1.5} and {@code 1.50} differ.
 */
public record DecimalLiteral(BigDecimal value, SourceLocation location) implements Expression {
    public DecimalLiteral {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(location, "location");
        if (value.signum() < 0 || value.scale() < 1) {
            throw new IllegalArgumentException("a decimal literal is not negative and has a fractional part");
        }
    }
}
