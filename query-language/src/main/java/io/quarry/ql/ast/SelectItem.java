package io.quarry.ql.ast;

import java.util.Objects;
import java.util.Optional;

/** A dimension or metric: a model name (a {@link FieldRef}) or an inline expression, optionally aliased. */
public record SelectItem(Expression expression, Optional<Identifier> alias, SourceLocation location)
        implements Node {
    public SelectItem {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(location, "location");
    }
}
