package io.quarry.ql.ast;

import java.util.Objects;

/**
 * {@code CURRENCY 'EUR'}: the reporting currency the report's money is converted into, at each
 * day's rate; {@code code} is an ISO 4217 code (three capital letters) as written.
 */
public record CurrencyClause(String code, SourceLocation location) implements Node {
    public CurrencyClause {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(location, "location");
    }
}
