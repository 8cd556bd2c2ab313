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

    public record Select(List<Item> items, From from, Optional<SqlExpr> where, List<SqlExpr> groupBy,
                         boolean rollup, Optional<SqlExpr> having, List<Order> orderBy,
                         Optional<SqlExpr> limit, Optional<SqlExpr> offset) {
        public Select {
            items = List.copyOf(items);
            Objects.requireNonNull(from, "from");
            groupBy = List.copyOf(groupBy);
            orderBy = List.copyOf(orderBy);
        }
    }

    /** {@code expr AS "alias"}. */
    public record Item(SqlExpr expression, String alias) {
    }

    public record Order(SqlExpr expression, boolean descending, Optional<Boolean> nullsFirst) {
    }

    /** A FROM clause item. */
    public sealed interface From permits TableSource, CteSource, SubquerySource, UnionAllSource, Joined, SeriesSource {
    }

    /** A table of the model: {@code "table" AS "alias"}. */
    public record TableSource(String table, String alias) implements From {
    }

    /** A derived table: {@code (SELECT ...) AS "alias"}. */
    public record SubquerySource(Select query, String alias) implements From {
    }

    /** {@code (SELECT ... UNION ALL SELECT ...) AS "alias"}. */
    public record UnionAllSource(List<Select> branches, String alias) implements From {
        public UnionAllSource {
            branches = List.copyOf(branches);
        }
    }

    /** A CTE: {@code "cte" AS "alias"}. */
    public record CteSource(String cte, String alias) implements From {
    }

    /** {@code generate_series(from, to, interval '1 step') AS "alias"("column")}. */
    public record SeriesSource(SqlExpr start, SqlExpr end, String step, String alias, String column) implements From {
        public SeriesSource {
            if (!step.matches("1 (day|week|month|year)|3 months")) {
                throw new IllegalArgumentException("unsupported series step: " + step);
            }
        }
    }

    public record Joined(From left, JoinType type, From right, Optional<SqlExpr> on) implements From {
    }

    public enum JoinType {
        INNER("JOIN"), LEFT("LEFT JOIN"), FULL("FULL JOIN"), CROSS("CROSS JOIN");

        private final String sql;

        JoinType(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }
}
