package io.quarry.planner.sql;

import io.quarry.planner.sql.SqlQuery.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two statements of one rollup refresh: delete the rollup's buckets from a bound on, then
 * insert them again aggregated from the facts. Unlike a report, a refresh reads every tenant's
 * facts (a rollup holds all accounts), so it is its own statement type, apart from the report
 * tree, whose only read of a tenant table is the filtered {@link TenantRead}. Its GROUP BY has
 * the distribution column, so Citus runs both on the workers, shard by co-located shard.
 *
 * @param groups   the distribution column, the keys and the time bucket, named as the rollup's columns
 * @param measures the aggregates, named as the rollup's columns
 * @param from     the first bucket re-rolled (a bind); empty to re-roll everything
 */
public record RollupRefresh(String rollupTable, String factTable, String factAlias, String timeColumn,
                            List<Item> groups, List<Item> measures, Optional<SqlExpr> from) {

    public RollupRefresh {
        groups = List.copyOf(groups);
        measures = List.copyOf(measures);
    }

    public RenderedSql delete() {
        StringBuilder sql = new StringBuilder("DELETE FROM ").append(Identifiers.quote(rollupTable));
        List<BindValue> binds = new ArrayList<>();
        from.ifPresent(bound -> {
            sql.append(" WHERE ").append(Identifiers.quote(timeColumn)).append(" >= ");
            new ExpressionRenderer(sql, binds).expr(bound);
        });
        return new RenderedSql(sql.toString(), binds);
    }

    public RenderedSql insert() {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(Identifiers.quote(rollupTable)).append(" (");
        List<BindValue> binds = new ArrayList<>();
        ExpressionRenderer expressions = new ExpressionRenderer(sql, binds);
        List<Item> items = new ArrayList<>(groups);
        items.addAll(measures);
        for (int i = 0; i < items.size(); i++) {
            sql.append(i > 0 ? ", " : "").append(Identifiers.quote(items.get(i).alias()));
        }
        sql.append(")\nSELECT ");
        for (int i = 0; i < items.size(); i++) {
            sql.append(i > 0 ? ",\n       " : "");
            expressions.expr(items.get(i).expression());
        }
        sql.append("\nFROM ").append(Identifiers.quote(factTable)).append(" AS ").append(Identifiers.quote(factAlias));
        from.ifPresent(bound -> {
            sql.append("\nWHERE ");
            expressions.expr(new SqlExpr.Column(factAlias, timeColumn));
            sql.append(" >= ");
            expressions.expr(bound);
        });
        sql.append("\nGROUP BY ");
        for (int i = 1; i <= groups.size(); i++) {
            sql.append(i > 1 ? ", " : "").append(i);
        }
        return new RenderedSql(sql.toString(), binds);
    }
}
