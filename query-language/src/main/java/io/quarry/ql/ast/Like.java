package io.quarry.ql.ast;

import java.util.Objects;

/** {@code value [NOT] LIKE pattern}; {@code caseInsensitive} for ILIKE. */
public record Like(Expression value, Expression pattern, boolean caseInsensitive, boolean negated,
                   SourceLocation location) implements Expression {
    public Like {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(location, "location");
    }
}
