package io.quarry.planner.sql;

import io.quarry.planner.sql.SqlExpr.Bind;
import io.quarry.planner.sql.SqlExpr.Column;
import io.quarry.planner.sql.SqlExpr.EqualsAny;
import io.quarry.planner.sql.SqlQuery.From;
import io.quarry.planner.tenant.TenantScope;
import java.util.List;
import java.util.Objects;

/**
 * The tenant read: the only node that reads a tenant table, and it cannot exist without the
 * tenant scope whose filter it carries. Rendered as {@code "table" AS "alias"} with
 * {@link #filter()} among the WHERE conditions of its SELECT; on the optional side of a LEFT
 * JOIN (where a WHERE condition would drop the unmatched rows) as
 * {@code (SELECT columns FROM "table" AS "alias" WHERE filter) AS "alias"}.
 *
 * <p>The filter is the bare distribution column against bound accounts, the forms Citus prunes
 * shards with: {@code alias.account_id = ?} for one account, which PostgreSQL propagates through
 * the account_id joins (an {@code = ANY} of one element gave a 1-row estimate that made it loop
 * over every campaign), and {@code alias.account_id = ANY(?)} for several.
 *
 * @param columns the table's columns, selected by the LEFT JOIN form
 */
public record TenantRead(String table, String alias, List<String> columns, String distributionColumn,
                         TenantScope scope) implements From {

    public TenantRead {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(alias, "alias");
        columns = List.copyOf(columns);
        Objects.requireNonNull(distributionColumn, "distributionColumn");
        Objects.requireNonNull(scope, "a tenant table is read only within a tenant scope");
    }

    /** The condition every row this read returns satisfies: the row belongs to the scope. */
    public SqlExpr filter() {
        Column column = new Column(alias, distributionColumn);
        if (scope.single()) {
            return new SqlExpr.Binary(SqlExpr.Operator.EQ, column,
                    new Bind(new BindValue(scope.accounts().get(0), BindType.BIGINT)));
        }
        return new EqualsAny(column, new Bind(new BindValue(scope.accounts(), BindType.BIGINT_ARRAY)));
    }
}
