package io.quarry.ql.ast;

import java.util.List;
import java.util.Objects;

/**
 * Total rows: {@code TOTALS GRAND, SUBTOTALS (campaign.name)}.
 *
 * @param grand whether a grand total row is wanted
 * @param subtotals dimensions to subtotal by, in order; empty for none
 */
public record Totals(boolean grand, List<Expression> subtotals, SourceLocation location) implements Node {
    public Totals {
        subtotals = List.copyOf(subtotals);
        Objects.requireNonNull(location, "location");
        if (!grand && subtotals.isEmpty()) {
            throw new IllegalArgumentException("totals need GRAND or SUBTOTALS");
        }
    }
}
