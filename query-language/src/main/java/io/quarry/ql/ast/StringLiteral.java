package io.quarry.ql.ast;

import java.util.Objects;

/** {@code 'it''s'}; {@code value} is unescaped. */
public record StringLiteral(String value, SourceLocation location) implements Expression {
    public StringLiteral {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(location, "location");
    }
}
