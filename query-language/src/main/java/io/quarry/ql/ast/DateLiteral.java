package io.quarry.ql.ast;

import java.time.LocalDate;
import java.util.Objects;

/** {@code DATE '2026-01-01'}. */
public record DateLiteral(LocalDate value, SourceLocation location) implements Expression {
    public DateLiteral {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(location, "location");
        if (value.getYear() < 0 || value.getYear() > 9999) {
            throw new IllegalArgumentException("a date literal has a four-digit year");
        }
    }
}
