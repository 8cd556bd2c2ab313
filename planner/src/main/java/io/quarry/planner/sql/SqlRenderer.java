package io.quarry.planner.sql;

import io.quarry.planner.sql.SqlExpr.Column;
import io.quarry.planner.sql.SqlExpr.Junction;
import io.quarry.planner.sql.SqlQuery.Cte;
import io.quarry.planner.sql.SqlQuery.CteSource;
import io.quarry.planner.sql.SqlQuery.DerivedTable;
import io.quarry.planner.sql.SqlQuery.From;
import io.quarry.planner.sql.SqlQuery.Item;
import io.quarry.planner.sql.SqlQuery.JoinType;
import io.quarry.planner.sql.SqlQuery.Joined;
import io.quarry.planner.sql.SqlQuery.Order;
import io.quarry.planner.sql.SqlQuery.ReferenceTable;
import io.quarry.planner.sql.SqlQuery.Select;
import io.quarry.planner.sql.SqlQuery.UnionAllSource;
import io.quarry.planner.sql.SqlQuery.With;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the SQL tree: one walk writes the text and collects every bind value in placeholder
 * order (statements here, expressions in {@link ExpressionRenderer}). Identifiers go through
 * {@link Identifiers#quote}. A {@link TenantRead} renders its tenant filter itself.
 */
public final class SqlRenderer {

    private final StringBuilder sql = new StringBuilder(1024);
    private final List<BindValue> binds = new ArrayList<>();
    private final ExpressionRenderer expressions = new ExpressionRenderer(sql, binds);

    private SqlRenderer() {
    }

    public static RenderedSql render(With statement) {
        SqlRenderer renderer = new SqlRenderer();
        renderer.with(statement);
        return new RenderedSql(renderer.sql.toString(), renderer.binds);
    }

    private void with(With statement) {
        if (!statement.ctes().isEmpty()) {
            sql.append("WITH ");
            for (int i = 0; i < statement.ctes().size(); i++) {
                Cte cte = statement.ctes().get(i);
                if (i > 0) {
                    sql.append(",\n");
                }
                sql.append(Identifiers.quote(cte.name())).append(cte.materialized() ? " AS MATERIALIZED (\n" : " AS (\n");
                select(cte.query(), "  ");
                sql.append("\n)");
            }
            sql.append('\n');
        }
        select(statement.body(), "");
    }

    private void select(Select select, String indent) {
        sql.append(indent).append("SELECT ");
        for (int i = 0; i < select.items().size(); i++) {
            Item item = select.items().get(i);
            if (i > 0) {
                sql.append(",\n").append(indent).append("       ");
            }
            expressions.expr(item.expression());
            sql.append(" AS ").append(Identifiers.quote(item.alias()));
        }
        sql.append('\n').append(indent).append("FROM ");
        from(select.from(), indent);
        List<SqlExpr> conditions = new ArrayList<>();
        tenantFilters(select.from(), conditions);
        select.where().ifPresent(where -> {
            if (where instanceof Junction j && j.operator() == SqlExpr.Operator.AND) {
                conditions.addAll(j.terms());
            } else {
                conditions.add(where);
            }
        });
        if (!conditions.isEmpty()) {
            sql.append('\n').append(indent).append("WHERE ");
            for (int i = 0; i < conditions.size(); i++) {
                if (i > 0) {
                    sql.append('\n').append(indent).append("  AND ");
                }
                expressions.term(conditions.get(i));
            }
        }
        if (!select.groupBy().isEmpty()) {
            sql.append('\n').append(indent).append("GROUP BY ");
            expressions.list(select.groupBy());
        }
        if (!select.orderBy().isEmpty()) {
            sql.append('\n').append(indent).append("ORDER BY ");
            for (int i = 0; i < select.orderBy().size(); i++) {
                Order order = select.orderBy().get(i);
                if (i > 0) {
                    sql.append(", ");
                }
                expressions.expr(order.expression());
                sql.append(order.descending() ? " DESC" : " ASC");
                order.nullsFirst().ifPresent(first -> sql.append(first ? " NULLS FIRST" : " NULLS LAST"));
            }
        }
        select.limit().ifPresent(limit -> {
            sql.append('\n').append(indent).append("LIMIT ");
            expressions.expr(limit);
        });
        select.offset().ifPresent(offset -> {
            sql.append('\n').append(indent).append("OFFSET ");
            expressions.expr(offset);
        });
    }

    /**
     * The filters of the tenant reads of a FROM, in FROM order: every read except the optional
     * side of a LEFT JOIN, which carries its filter inside (see {@link #from}).
     */
    private static void tenantFilters(From from, List<SqlExpr> filters) {
        if (from instanceof TenantRead read) {
            filters.add(read.filter());
        } else if (from instanceof Joined j) {
            tenantFilters(j.left(), filters);
            if (j.type() != JoinType.LEFT) {
                tenantFilters(j.right(), filters);
            }
        }
    }

    private void from(From from, String indent) {
        if (from instanceof TenantRead t) {
            sql.append(Identifiers.quote(t.table())).append(" AS ").append(Identifiers.quote(t.alias()));
        } else if (from instanceof ReferenceTable t) {
            sql.append(Identifiers.quote(t.table())).append(" AS ").append(Identifiers.quote(t.alias()));
        } else if (from instanceof CteSource c) {
            sql.append(Identifiers.quote(c.cte())).append(" AS ").append(Identifiers.quote(c.alias()));
        } else if (from instanceof UnionAllSource u) {
            sql.append("(\n");
            for (int i = 0; i < u.branches().size(); i++) {
                if (i > 0) {
                    sql.append('\n').append(indent).append("    UNION ALL\n");
                }
                select(u.branches().get(i), indent + "    ");
            }
            sql.append('\n').append(indent).append("  ) AS ").append(Identifiers.quote(u.alias()));
        } else if (from instanceof DerivedTable d) {
            sql.append("(\n");
            select(d.query(), indent + "    ");
            sql.append('\n').append(indent).append("  ) AS ").append(Identifiers.quote(d.alias()));
        } else if (from instanceof Joined j) {
            from(j.left(), indent);
            sql.append('\n').append(indent).append(j.type().sql()).append(' ');
            if (j.type() == JoinType.LEFT && j.right() instanceof TenantRead read) {
                filteredRead(read, indent);
            } else {
                from(j.right(), indent);
            }
            sql.append(" ON ");
            if (j.on() instanceof Junction junction && junction.operator() == SqlExpr.Operator.AND) {
                expressions.junctionTerms(junction);
            } else {
                expressions.term(j.on());
            }
        }
    }

    /** A tenant read on the optional side of a LEFT JOIN: its filter inside a derived table. */
    private void filteredRead(TenantRead read, String indent) {
        List<Item> columns = read.columns().stream().map(c -> new Item(new Column(read.alias(), c), c)).toList();
        sql.append("(\n");
        select(Select.of(columns, read), indent + "    ");
        sql.append('\n').append(indent).append("  ) AS ").append(Identifiers.quote(read.alias()));
    }

}
