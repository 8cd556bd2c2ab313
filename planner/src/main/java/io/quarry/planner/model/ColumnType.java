package io.quarry.planner.model;

import java.util.Locale;

/** The value types the model knows, for type checks and bind parameters. */
public enum ColumnType {
    INTEGER("bigint"),
    DECIMAL("numeric"),
    STRING("text"),
    BOOLEAN("boolean"),
    DATE("date"),
    TIMESTAMP("timestamptz");

    private final String sqlType;

    ColumnType(String sqlType) {
        this.sqlType = sqlType;
    }

    /** The PostgreSQL type name binds of this type are cast to. */
    public String sqlType() {
        return sqlType;
    }

    public boolean numeric() {
        return this == INTEGER || this == DECIMAL;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a model type name: integer, decimal, string, boolean, date, timestamp (and SQL aliases). */
    public static ColumnType parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "integer", "bigint", "int" -> INTEGER;
            case "decimal", "numeric" -> DECIMAL;
            case "string", "text" -> STRING;
            case "boolean", "bool" -> BOOLEAN;
            case "date" -> DATE;
            case "timestamp", "timestamptz" -> TIMESTAMP;
            default -> throw new IllegalArgumentException("unknown type '" + name
                    + "' (integer, decimal, string, boolean, date, timestamp)");
        };
    }
}
