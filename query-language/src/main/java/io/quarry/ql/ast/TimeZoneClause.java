package io.quarry.ql.ast;

import java.util.Objects;

/** {@code TIMEZONE 'Europe/Helsinki'}; {@code zoneId} is a valid {@link java.time.ZoneId} as written. */
public record TimeZoneClause(String zoneId, SourceLocation location) implements Node {
    public TimeZoneClause {
        Objects.requireNonNull(zoneId, "zoneId");
        Objects.requireNonNull(location, "location");
    }
}
