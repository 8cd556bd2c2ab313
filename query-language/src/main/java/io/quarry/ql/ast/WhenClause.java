package io.quarry.ql.ast;

import java.util.Objects;

/** {@code WHEN condition THEN result} inside a {@link Case}. */
public record WhenClause(Expression condition, Expression result, SourceLocation location) implements Node {
    public WhenClause {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(location, "location");
    }
}
