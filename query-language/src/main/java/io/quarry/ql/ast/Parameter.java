package io.quarry.ql.ast;

import java.util.Objects;

/** A named parameter reference {@code :from}; {@code name} is without the colon, lower case. */
public record Parameter(String name, SourceLocation location) implements IntegerOrParameter {
    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a parameter name: " + name);
        }
    }
}
