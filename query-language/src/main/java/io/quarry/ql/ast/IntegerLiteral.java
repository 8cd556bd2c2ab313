package io.quarry.ql.ast;

import java.util.Objects;

/** A non-negative integer literal (a minus sign is a {@link Negative}). */
public record IntegerLiteral(long value, SourceLocation location) implements IntegerOrParameter {
    public IntegerLiteral {
        Objects.requireNonNull(location, "location");
        if (value < 0) {
            throw new IllegalArgumentException("an integer literal is not negative; use Negative");
        }
    }
}
