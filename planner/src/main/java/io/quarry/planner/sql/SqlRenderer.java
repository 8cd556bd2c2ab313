package io.quarry.planner.sql;

import io.quarry.planner.sql.SqlExpr.AtTimeZone;
import io.quarry.planner.sql.SqlExpr.Binary;
import io.quarry.planner.sql.SqlExpr.Bind;
import io.quarry.planner.sql.SqlExpr.Case;
import io.quarry.planner.sql.SqlExpr.Cast;
import io.quarry.planner.sql.SqlExpr.Column;
import io.quarry.planner.sql.SqlExpr.EqualsAny;
import io.quarry.planner.sql.SqlExpr.Function;
import io.quarry.planner.sql.SqlExpr.Grain;
import io.quarry.planner.sql.SqlExpr.In;
import io.quarry.planner.sql.SqlExpr.IntegerConstant;
import io.quarry.planner.sql.SqlExpr.IsNull;
import io.quarry.planner.sql.SqlExpr.Junction;
import io.quarry.planner.sql.SqlExpr.Negate;
import io.quarry.planner.sql.SqlExpr.Not;
import io.quarry.planner.sql.SqlExpr.OverAll;
import io.quarry.planner.sql.SqlExpr.When;
import io.quarry.planner.sql.SqlQuery.Cte;
import io.quarry.planner.sql.SqlQuery.CteSource;
import io.quarry.planner.sql.SqlQuery.From;
import io.quarry.planner.sql.SqlQuery.Item;
import io.quarry.planner.sql.SqlQuery.Joined;
import io.quarry.planner.sql.SqlQuery.Order;
import io.quarry.planner.sql.SqlQuery.Select;
import io.quarry.planner.sql.SqlQuery.SeriesSource;
import io.quarry.planner.sql.SqlQuery.SubquerySource;
import io.quarry.planner.sql.SqlQuery.UnionAllSource;
import io.quarry.planner.sql.SqlQuery.TableSource;
import io.quarry.planner.sql.SqlQuery.With;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the SQL tree: one walk writes the text and collects every bind value in placeholder
 * order. Identifiers go through {@link Identifiers#quote}; binary operations are parenthesised,
 * so the tree's shape is the evaluation order.
 */
public final class SqlRenderer {

    private final StringBuilder sql = new StringBuilder(1024);
    private final List<BindValue> binds = new ArrayList<>();

    private SqlRenderer() {
    }

    public static RenderedSql render(With statement) {
        SqlRenderer renderer = new SqlRenderer();
        renderer.with(statement);
        return new RenderedSql(renderer.sql.toString(), renderer.binds);
    }

    public static RenderedSql render(Select statement) {
        SqlRenderer renderer = new SqlRenderer();
        renderer.select(statement, "");
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
            expr(item.expression());
            sql.append(" AS ").append(Identifiers.quote(item.alias()));
        }
        sql.append('\n').append(indent).append("FROM ");
        from(select.from(), indent);
        select.where().ifPresent(where -> {
            sql.append('\n').append(indent).append("WHERE ");
            conjuncts(where, indent);
        });
        if (!select.groupBy().isEmpty()) {
            sql.append('\n').append(indent).append(select.rollup() ? "GROUP BY ROLLUP (" : "GROUP BY ");
            list(select.groupBy());
            if (select.rollup()) {
                sql.append(')');
            }
        }
        select.having().ifPresent(having -> {
            sql.append('\n').append(indent).append("HAVING ");
            expr(having);
        });
        if (!select.orderBy().isEmpty()) {
            sql.append('\n').append(indent).append("ORDER BY ");
            for (int i = 0; i < select.orderBy().size(); i++) {
                Order order = select.orderBy().get(i);
                if (i > 0) {
                    sql.append(", ");
                }
                expr(order.expression());
                sql.append(order.descending() ? " DESC" : " ASC");
                order.nullsFirst().ifPresent(first -> sql.append(first ? " NULLS FIRST" : " NULLS LAST"));
            }
        }
        select.limit().ifPresent(limit -> {
            sql.append('\n').append(indent).append("LIMIT ");
            expr(limit);
        });
        select.offset().ifPresent(offset -> {
            sql.append('\n').append(indent).append("OFFSET ");
            expr(offset);
        });
    }

    /** A top-level AND is written one conjunct per line, which keeps golden files readable. */
    private void conjuncts(SqlExpr where, String indent) {
        if (where instanceof Junction j && j.operator() == SqlExpr.Operator.AND) {
            for (int i = 0; i < j.terms().size(); i++) {
                if (i > 0) {
                    sql.append('\n').append(indent).append("  AND ");
                }
                term(j.terms().get(i));
            }
        } else {
            term(where);
        }
    }

    private void junctionTerms(Junction j) {
        for (int i = 0; i < j.terms().size(); i++) {
            if (i > 0) {
                sql.append(' ').append(j.operator().sql()).append(' ');
            }
            term(j.terms().get(i));
        }
    }

    /**
     * A term of AND / OR: a comparison needs no parentheses there (comparison binds tighter
     * than AND and OR), which keeps conditions such as {@code "c"."account_id" = "f"."account_id"}
     * plain top-level conjuncts.
     */
    private void term(SqlExpr term) {
        if (term instanceof Binary b && b.operator().comparison()) {
            expr(b.left());
            sql.append(' ').append(b.operator().sql()).append(' ');
            expr(b.right());
        } else {
            expr(term);
        }
    }

    private void from(From from, String indent) {
        if (from instanceof TableSource t) {
            sql.append(Identifiers.quote(t.table())).append(" AS ").append(Identifiers.quote(t.alias()));
        } else if (from instanceof CteSource c) {
            sql.append(Identifiers.quote(c.cte())).append(" AS ").append(Identifiers.quote(c.alias()));
        } else if (from instanceof SubquerySource q) {
            sql.append("(\n");
            select(q.query(), indent + "    ");
            sql.append('\n').append(indent).append("  ) AS ").append(Identifiers.quote(q.alias()));
        } else if (from instanceof UnionAllSource u) {
            sql.append("(\n");
            for (int i = 0; i < u.branches().size(); i++) {
                if (i > 0) {
                    sql.append('\n').append(indent).append("    UNION ALL\n");
                }
                select(u.branches().get(i), indent + "    ");
            }
            sql.append('\n').append(indent).append("  ) AS ").append(Identifiers.quote(u.alias()));
        } else if (from instanceof SeriesSource s) {
            sql.append("generate_series(");
            expr(s.start());
            sql.append(", ");
            expr(s.end());
            sql.append(", interval '").append(s.step()).append("') AS ").append(Identifiers.quote(s.alias()))
                    .append('(').append(Identifiers.quote(s.column())).append(')');
        } else if (from instanceof Joined j) {
            from(j.left(), indent);
            sql.append('\n').append(indent).append(j.type().sql()).append(' ');
            from(j.right(), indent);
            j.on().ifPresent(on -> {
                sql.append(" ON ");
                if (on instanceof Junction junction && junction.operator() == SqlExpr.Operator.AND) {
                    junctionTerms(junction);
                } else {
                    term(on);
                }
            });
        }
    }

    private void list(List<SqlExpr> expressions) {
        for (int i = 0; i < expressions.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            expr(expressions.get(i));
        }
    }

    private void expr(SqlExpr expr) {
        if (expr instanceof Column c) {
            if (c.qualifier() != null) {
                sql.append(Identifiers.quote(c.qualifier())).append('.');
            }
            sql.append(Identifiers.quote(c.name()));
        } else if (expr instanceof Bind b) {
            bind(b);
        } else if (expr instanceof IntegerConstant i) {
            sql.append(i.value());
        } else if (expr instanceof SqlExpr.Null) {
            sql.append("NULL");
        } else if (expr instanceof Grain g) {
            sql.append('\'').append(g.grain().field()).append('\'');
        } else if (expr instanceof Function f) {
            function(f);
        } else if (expr instanceof OverAll o) {
            function(o.function());
            sql.append(" OVER ()");
        } else if (expr instanceof Binary b) {
            sql.append('(');
            expr(b.left());
            sql.append(' ').append(b.operator().sql()).append(' ');
            expr(b.right());
            sql.append(')');
        } else if (expr instanceof Junction j) {
            sql.append('(');
            junctionTerms(j);
            sql.append(')');
        } else if (expr instanceof Not n) {
            sql.append("(NOT ");
            expr(n.operand());
            sql.append(')');
        } else if (expr instanceof Negate n) {
            sql.append("(-");
            expr(n.operand());
            sql.append(')');
        } else if (expr instanceof IsNull n) {
            sql.append('(');
            expr(n.operand());
            sql.append(n.negated() ? " IS NOT NULL)" : " IS NULL)");
        } else if (expr instanceof In in) {
            sql.append('(');
            expr(in.operand());
            sql.append(in.negated() ? " NOT IN (" : " IN (");
            list(in.values());
            sql.append("))");
        } else if (expr instanceof EqualsAny any) {
            expr(any.operand());
            sql.append(" = ANY(");
            bind(any.array());
            sql.append(')');
        } else if (expr instanceof Cast c) {
            sql.append('(');
            expr(c.operand());
            sql.append(")::").append(c.type());
        } else if (expr instanceof AtTimeZone z) {
            sql.append('(');
            expr(z.operand());
            sql.append(" AT TIME ZONE ");
            expr(z.zone());
            sql.append(')');
        } else if (expr instanceof Case c) {
            sql.append("CASE");
            for (When when : c.whens()) {
                sql.append(" WHEN ");
                expr(when.condition());
                sql.append(" THEN ");
                expr(when.result());
            }
            c.otherwise().ifPresent(otherwise -> {
                sql.append(" ELSE ");
                expr(otherwise);
            });
            sql.append(" END");
        } else {
            throw new IllegalStateException("unrendered node " + expr);
        }
    }

    private void function(Function f) {
        sql.append(f.name()).append('(');
        if (f.star()) {
            sql.append('*');
        } else {
            if (f.distinct()) {
                sql.append("DISTINCT ");
            }
            list(f.arguments());
        }
        sql.append(')');
        f.filter().ifPresent(filter -> {
            sql.append(" FILTER (WHERE ");
            expr(filter);
            sql.append(')');
        });
    }

    private void bind(Bind bind) {
        binds.add(bind.value());
        sql.append("?::").append(bind.value().type().sql());
    }
}
