package io.quarry.planner.plan;

import io.quarry.planner.model.ColumnType;
import io.quarry.planner.model.Dataset;
import io.quarry.planner.model.Dimension;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.model.TimeGrain;
import io.quarry.planner.resolve.PlanningError;
import io.quarry.planner.resolve.PlanningException;
import io.quarry.planner.resolve.RowTypes;
import io.quarry.planner.sql.BindType;
import io.quarry.planner.sql.BindValue;
import io.quarry.planner.sql.SqlExpr;
import io.quarry.planner.sql.SqlExpr.AtTimeZone;
import io.quarry.planner.sql.SqlExpr.Bind;
import io.quarry.planner.sql.SqlExpr.Cast;
import io.quarry.planner.sql.SqlExpr.Column;
import io.quarry.planner.sql.SqlExpr.Grain;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;

/**
 * A dimension's value inside a dataset's base query. Time buckets are always computed with an
 * explicit zone: a date column is a calendar day already (bucketed as a plain timestamp); a
 * timestamp column is shifted into the report's zone with {@code AT TIME ZONE ?} first, because
 * Citus workers do not see the session time zone.
 */
final class DimensionSql {

    private DimensionSql() {
    }

    static SqlExpr of(SemanticModel model, Dimension dimension, Optional<TimeGrain> grain, Dataset dataset,
                      String factAlias, Function<String, String> aliasOfNode, ZoneId zone, int shiftDays) {
        if (dimension.time()) {
            return time(dataset, factAlias, grain.orElse(TimeGrain.DAY), zone, shiftDays);
        }
        String node = dimension.node().orElseThrow();
        String alias = aliasOfNode.apply(node);
        return RowExpressions.translate(dimension.expression().orElseThrow(), RowTypes.of(model.tableOf(node)), ref -> {
            if (ref.path().size() != 1) {
                throw new PlanningException(PlanningError.UNSUPPORTED, "model expressions name plain columns",
                        ref.location());
            }
            return new Column(alias, ref.path().get(0));
        });
    }

    /**
     * The time bucket; a comparison period's rows are shifted forward by {@code shiftDays} first,
     * so they land in the buckets of the period they are compared with. The shift is calendar
     * arithmetic on the local time (after {@code AT TIME ZONE}), so it does not depend on the
     * session time zone, which Citus workers do not share, and a day stays a day across a DST
     * change.
     */
    static SqlExpr time(Dataset dataset, String factAlias, TimeGrain grain, ZoneId zone, int shiftDays) {
        boolean date = dataset.timeType() == ColumnType.DATE;
        SqlExpr column = new Column(factAlias, dataset.timeColumn());
        SqlExpr local = date ? column : new AtTimeZone(column, ZoneSql.of(zone));
        if (shiftDays != 0) {
            Bind days = new Bind(new BindValue(shiftDays, BindType.INTEGER));
            local = new SqlExpr.Binary(SqlExpr.Operator.PLUS, local, date ? days
                    : SqlExpr.Function.of("make_interval", new SqlExpr.IntegerConstant(0),
                            new SqlExpr.IntegerConstant(0), new SqlExpr.IntegerConstant(0), days));
        }
        if (date && grain == TimeGrain.DAY) {
            return local;
        }
        return new Cast(SqlExpr.Function.of("date_trunc", new Grain(grain), date ? new Cast(local, "timestamp") : local),
                "date");
    }
}
