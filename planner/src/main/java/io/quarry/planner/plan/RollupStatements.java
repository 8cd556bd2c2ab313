package io.quarry.planner.plan;

import io.quarry.planner.model.ColumnType;
import io.quarry.planner.model.Dataset;
import io.quarry.planner.model.Rollup;
import io.quarry.planner.model.RollupGrain;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.model.Table;
import io.quarry.planner.resolve.RowTypes;
import io.quarry.planner.sql.BindType;
import io.quarry.planner.sql.BindValue;
import io.quarry.planner.sql.RollupRefresh;
import io.quarry.planner.sql.SqlExpr;
import io.quarry.planner.sql.SqlExpr.AtTimeZone;
import io.quarry.planner.sql.SqlExpr.Bind;
import io.quarry.planner.sql.SqlExpr.Cast;
import io.quarry.planner.sql.SqlExpr.Column;
import io.quarry.planner.sql.SqlQuery.Item;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The maintenance statements of a rollup, from its declaration: its buckets from a bound on
 * re-rolled from the facts (see {@link RollupRefresh}). A timestamp column is bucketed in UTC
 * ({@code date_trunc} of the UTC wall time, turned back into an instant), whatever the
 * session's time zone, which Citus workers do not share.
 */
public final class RollupStatements {

    private static final String FACTS = "f";

    private RollupStatements() {
    }

    /**
     * @param from re-roll the buckets holding this instant and later; empty for all of them
     * @param hll  whether approximate distinct measures are hll sketches (else the rollup has none)
     */
    public static RollupRefresh refresh(SemanticModel model, Rollup rollup, Optional<Instant> from, boolean hll) {
        Dataset dataset = model.dataset(rollup.dataset()).orElseThrow();
        Table facts = model.tableOf(dataset.name());
        List<Item> groups = new ArrayList<>();
        groups.add(new Item(new Column(FACTS, model.distributionColumn()), model.distributionColumn()));
        rollup.keys().forEach(key -> groups.add(new Item(new Column(FACTS, key), key)));
        groups.add(new Item(bucket(rollup.grain(), dataset), dataset.timeColumn()));
        List<Item> measures = new ArrayList<>();
        for (Rollup.Measure measure : rollup.measures()) {
            Optional<SqlExpr> argument = measure.argument().map(a -> RowExpressions.translate(a,
                    RowTypes.of(facts), ref -> new Column(FACTS, ref.dotted())));
            SqlExpr sql = switch (measure.aggregation()) {
                case SUM -> SqlExpr.Function.of("sum", argument.orElseThrow());
                case MIN -> SqlExpr.Function.of("min", argument.orElseThrow());
                case MAX -> SqlExpr.Function.of("max", argument.orElseThrow());
                case COUNT -> new SqlExpr.Function("count", List.of(), false, true, Optional.empty());
                case APPROX_DISTINCT -> hll ? HllSql.sketch(argument.orElseThrow())
                        : null;
                default -> throw new IllegalStateException(measure + " does not re-aggregate");
            };
            if (sql != null) {
                measures.add(new Item(sql, measure.column()));
            }
        }
        Optional<SqlExpr> bound = from.map(instant -> firstBucket(rollup.grain(), dataset, instant));
        return new RollupRefresh(rollup.name(), facts.name(), FACTS, dataset.timeColumn(), groups, measures, bound);
    }

    private static SqlExpr bucket(RollupGrain grain, Dataset dataset) {
        Column time = new Column(FACTS, dataset.timeColumn());
        if (dataset.timeType() == ColumnType.DATE) {
            return grain == RollupGrain.DAY ? time
                    : new Cast(SqlExpr.Function.of("date_trunc", field(grain), new Cast(time, "timestamp")), "date");
        }
        Bind utc = new Bind(new BindValue("UTC", BindType.TEXT));
        return new AtTimeZone(SqlExpr.Function.of("date_trunc", field(grain), new AtTimeZone(time, utc)), utc);
    }

    private static SqlExpr field(RollupGrain grain) {
        return new Bind(new BindValue(grain.field(), BindType.TEXT));
    }

    /** The start of the bucket holding an instant: a date for a date column, an instant in UTC otherwise. */
    private static SqlExpr firstBucket(RollupGrain grain, Dataset dataset, Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        ZonedDateTime start = switch (grain) {
            case HOUR -> utc.truncatedTo(ChronoUnit.HOURS);
            case DAY -> utc.truncatedTo(ChronoUnit.DAYS);
            case MONTH -> utc.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
        };
        if (dataset.timeType() == ColumnType.DATE) {
            return new Bind(new BindValue(LocalDate.from(start), BindType.DATE));
        }
        return new Bind(new BindValue(start.toOffsetDateTime(), BindType.TIMESTAMPTZ));
    }
}
