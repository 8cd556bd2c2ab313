package io.quarry.ql.ast;

import java.util.Objects;

/** A name: a dataset, an alias or a parameter declaration's name (already case-folded). */
public record Identifier(String name, SourceLocation location) implements Node {
    public Identifier {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
    }
}
