package io.quarry.planner.plan;

import io.quarry.planner.model.Join;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.model.Table;
import io.quarry.planner.sql.SqlExpr;
import io.quarry.planner.sql.SqlExpr.Binary;
import io.quarry.planner.sql.SqlExpr.Column;
import io.quarry.planner.sql.SqlExpr.Junction;
import io.quarry.planner.sql.SqlExpr.Operator;
import java.util.ArrayList;
import java.util.List;

/**
 * The join rule: the ON clause of a model join, which between two tenant tables always starts
 * with {@code to.account_id = from.account_id}, so Citus keeps the join on one worker. The model
 * validator already refuses such joins without that pair; this rule re-checks, because a join
 * that lost it would require repartitioning on Citus.
 */
final class JoinRule {

    private JoinRule() {
    }

    static SqlExpr on(SemanticModel model, Join join, String fromAlias, String toAlias) {
        Table from = model.tableOf(join.from());
        Table to = model.tableOf(join.to());
        String distribution = model.distributionColumn();
        List<SqlExpr> terms = new ArrayList<>();
        if (from.tenant() && to.tenant()) {
            terms.add(new Binary(Operator.EQ, new Column(toAlias, distribution), new Column(fromAlias, distribution)));
        }
        for (Join.ColumnPair pair : join.on()) {
            boolean distributionPair = pair.fromColumn().equals(distribution) && pair.toColumn().equals(distribution);
            if (!(distributionPair && from.tenant() && to.tenant())) {
                terms.add(new Binary(Operator.EQ, new Column(toAlias, pair.toColumn()), new Column(fromAlias, pair.fromColumn())));
            }
        }
        if (from.tenant() && to.tenant() && join.on().stream().noneMatch(
                pair -> pair.fromColumn().equals(distribution) && pair.toColumn().equals(distribution))) {
            throw new IllegalStateException("join " + join.from() + " -> " + join.to() + " lacks " + distribution);
        }
        return terms.size() == 1 ? terms.get(0) : new Junction(Operator.AND, terms);
    }
}
