package io.quarry.planner.sql;

/** The PostgreSQL type of a bind parameter; every placeholder is rendered with its cast. */
public enum BindType {
    INTEGER("integer"),
    BIGINT("bigint"),
    BIGINT_ARRAY("bigint[]"),
    NUMERIC("numeric"),
    TEXT("text"),
    BOOLEAN("boolean"),
    DATE("date"),
    TIMESTAMPTZ("timestamptz");

    private final String sql;

    BindType(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }
}
