package io.quarry.ql.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code CASE WHEN c THEN r ... [ELSE e] END}. */
public record Case(List<WhenClause> whenClauses, Optional<Expression> otherwise, SourceLocation location)
        implements Expression {
    public Case {
        whenClauses = List.copyOf(whenClauses);
        Objects.requireNonNull(otherwise, "otherwise");
        Objects.requireNonNull(location, "location");
        if (whenClauses.isEmpty()) {
            throw new IllegalArgumentException("CASE needs at least one WHEN");
        }
    }
}
