package io.quarry.ql.ast;

import java.util.Objects;

/** {@code COMPARE PREVIOUS_PERIOD}. */
public record CompareClause(ComparePeriod period, SourceLocation location) implements Node {
    public CompareClause {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(location, "location");
    }
}
