package io.quarry.planner.sql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A value sent to the database as a bind parameter, with its type. Values are Java values:
 * Long, BigDecimal, String, Boolean, LocalDate, OffsetDateTime, or a list of Long for
 * {@link BindType#BIGINT_ARRAY}.
 */
public record BindValue(Object value, BindType type) {

    public BindValue {
        Objects.requireNonNull(type, "type");
        if (value != null && !accepts(type, value)) {
            throw new IllegalArgumentException(value.getClass().getSimpleName() + " is not a " + type.sql() + " value");
        }
    }

    private static boolean accepts(BindType type, Object value) {
        return switch (type) {
            case INTEGER -> value instanceof Integer;
            case BIGINT -> value instanceof Long;
            case BIGINT_ARRAY -> value instanceof List<?> list && list.stream().allMatch(Long.class::isInstance);
            case NUMERIC -> value instanceof BigDecimal;
            case TEXT -> value instanceof String;
            case BOOLEAN -> value instanceof Boolean;
            case DATE -> value instanceof LocalDate;
            case TIMESTAMPTZ -> value instanceof OffsetDateTime;
        };
    }

    /** The value as SQL text, for logs and plan descriptions only: never executed. */
    public String inlined() {
        if (value == null) {
            return "NULL";
        }
        return switch (type) {
            case INTEGER, BIGINT, NUMERIC, BOOLEAN -> value.toString();
            case BIGINT_ARRAY -> "'{" + String.join(",", ((List<?>) value).stream().map(Object::toString).toList())
                    + "}'::bigint[]";
            default -> "'" + value.toString().replace("'", "''") + "'::" + type.sql();
        };
    }
}
