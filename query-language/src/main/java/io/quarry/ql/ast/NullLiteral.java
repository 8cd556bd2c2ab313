package io.quarry.ql.ast;

import java.util.Objects;

/** {@code NULL}. */
public record NullLiteral(SourceLocation location) implements Expression {
    public NullLiteral {
        Objects.requireNonNull(location, "location");
    }
}
