package io.quarry.ql.ast;

import java.util.List;
import java.util.Objects;

/**
 * A dotted name: a dimension ({@code campaign.name}), a time grain ({@code date.week}: the grain is
 * the last part), a metric ({@code spend}) or an alias. Parts are case-folded unless quoted.
 */
public record FieldRef(List<String> path, SourceLocation location) implements Expression {
    public FieldRef {
        path = List.copyOf(path);
        Objects.requireNonNull(location, "location");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("empty path");
        }
    }

    /** The path joined with dots, without quoting. */
    public String dotted() {
        return String.join(".", path);
    }
}
