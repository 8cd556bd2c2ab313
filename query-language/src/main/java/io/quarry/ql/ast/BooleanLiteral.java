package io.quarry.ql.ast;

import java.util.Objects;

/** {@code TRUE} or {@code FALSE}. */
public record BooleanLiteral(boolean value, SourceLocation location) implements Expression {
    public BooleanLiteral {
        Objects.requireNonNull(location, "location");
    }
}
