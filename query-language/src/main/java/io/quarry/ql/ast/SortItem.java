package io.quarry.ql.ast;

import java.util.Objects;

/** One ORDER BY key. */
public record SortItem(Expression key, SortOrder order, NullOrdering nulls, SourceLocation location)
        implements Node {
    public SortItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(nulls, "nulls");
        Objects.requireNonNull(location, "location");
    }
}
