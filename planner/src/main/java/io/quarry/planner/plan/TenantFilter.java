package io.quarry.planner.plan;

import io.quarry.planner.sql.BindType;
import io.quarry.planner.sql.BindValue;
import io.quarry.planner.sql.SqlExpr;
import io.quarry.planner.sql.SqlExpr.Bind;
import io.quarry.planner.sql.SqlExpr.Column;
import io.quarry.planner.sql.SqlExpr.EqualsAny;
import java.util.List;

/**
 * The tenant filter: the one place that writes the condition every read of a tenant table
 * carries, {@code alias.account_id = ANY(?::bigint[])}, bound to the accounts the report may
 * read; for a single account {@code alias.account_id = ?::bigint}, which PostgreSQL propagates
 * through the account_id joins instead of multiplying the filters' selectivities (a 1-row
 * estimate that made it loop over every campaign). Both are the bare distribution column against
 * a bound value, the forms Citus prunes shards with. An empty account list is refused here too,
 * so no code path can produce an unfiltered read.
 */
public final class TenantFilter {

    private TenantFilter() {
    }

    public static SqlExpr of(String alias, String distributionColumn, List<Long> accounts) {
        if (accounts.isEmpty()) {
            throw new IllegalStateException("a tenant table is read only for at least one account");
        }
        if (accounts.size() == 1) {
            return new SqlExpr.Binary(SqlExpr.Operator.EQ, new Column(alias, distributionColumn),
                    new Bind(new BindValue(accounts.get(0), BindType.BIGINT)));
        }
        return new EqualsAny(new Column(alias, distributionColumn),
                new Bind(new BindValue(List.copyOf(accounts), BindType.BIGINT_ARRAY)));
    }
}
