package io.quarry.planner.sql;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Statements: a SELECT, optionally preceded by CTEs. */
public final class SqlQuery {

    private SqlQuery() {
    }

    /** {@code WITH ctes body}. */
    public record With(List<Cte> ctes, Select body) {
        public With {
            ctes = List.copyOf(ctes);
        }
    }

    /** {@code name AS [MATERIALIZED] (query)}. */
    public record Cte(String name, boolean materialized, Select query) {
    }

    /**
     * A SELECT. Build one with {@link #of}; a {@link TenantRead} in its FROM adds its tenant
     * filter to the WHERE when rendered, so {@code where} holds only the other conditions.
     */
    public record Select(List<Item> items, From from, Optional<SqlExpr> where, List<SqlExpr> groupBy,
                         List<Order> orderBy, Optional<SqlExpr> limit, Optional<SqlExpr> offset) {
        public Select {
            items = List.copyOf(items);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(where, "where");
            groupBy = List.copyOf(groupBy);
            orderBy = List.copyOf(orderBy);
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(offset, "offset");
        }

        /** {@code SELECT items FROM from}, with nothing else yet. */
        public static Select of(List<Item> items, From from) {
            return new Select(items, from, Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty());
        }

        /** The same SELECT with a WHERE of all {@code conditions} (none: no WHERE). */
        public Select where(List<SqlExpr> conditions) {
            Optional<SqlExpr> condition = conditions.isEmpty() ? Optional.empty()
                    : Optional.of(conditions.size() == 1 ? conditions.get(0)
                            : new SqlExpr.Junction(SqlExpr.Operator.AND, conditions));
            return new Select(items, from, condition, groupBy, orderBy, limit, offset);
        }

        public Select groupBy(List<SqlExpr> expressions) {
            return new Select(items, from, where, expressions, orderBy, limit, offset);
        }

        public Select orderBy(List<Order> orders) {
            return new Select(items, from, where, groupBy, orders, limit, offset);
        }

        public Select limit(Optional<SqlExpr> rows, Optional<SqlExpr> skipped) {
            return new Select(items, from, where, groupBy, orderBy, rows, skipped);
        }
    }

    /** {@code expr AS "alias"}. */
    public record Item(SqlExpr expression, String alias) {
    }

    public record Order(SqlExpr expression, boolean descending, Optional<Boolean> nullsFirst) {
    }

    /** A FROM clause item. */
    public sealed interface From permits TenantRead, ReferenceTable, CteSource, UnionAllSource, DerivedTable, Joined {
    }

    /**
     * A table that is not a tenant table (a lookup table, a Citus reference table):
     * {@code "table" AS "alias"}. Tenant tables are read only through {@link TenantRead}.
     */
    public record ReferenceTable(String table, String alias) implements From {
    }

    /** {@code (SELECT ... UNION ALL SELECT ...) AS "alias"}. */
    public record UnionAllSource(List<Select> branches, String alias) implements From {
        public UnionAllSource {
            branches = List.copyOf(branches);
        }
    }

    /**
     * {@code (SELECT ...) AS "alias"}: a query read as a table (a tenant read in its FROM filters
     * inside it).
     */
    public record DerivedTable(Select query, String alias) implements From {
    }

    /** A CTE: {@code "cte" AS "alias"}. */
    public record CteSource(String cte, String alias) implements From {
    }

    public record Joined(From left, JoinType type, From right, SqlExpr on) implements From {
        public Joined {
            Objects.requireNonNull(on, "on");
        }
    }

    public enum JoinType {
        INNER("JOIN"), LEFT("LEFT JOIN");

        private final String sql;

        JoinType(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }
}
