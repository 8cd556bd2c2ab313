package io.quarry.planner.plan;

import io.quarry.planner.model.ColumnType;
import io.quarry.planner.model.Dataset;
import io.quarry.planner.model.Dimension;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.resolve.PlanningError;
import io.quarry.planner.resolve.PlanningException;
import io.quarry.planner.resolve.Suggestions;
import io.quarry.planner.sql.BindType;
import io.quarry.planner.sql.BindValue;
import io.quarry.planner.sql.RenderedSql;
import io.quarry.planner.sql.SqlExpr;
import io.quarry.planner.sql.SqlExpr.Bind;
import io.quarry.planner.sql.SqlExpr.Binary;
import io.quarry.planner.sql.SqlExpr.Cast;
import io.quarry.planner.sql.SqlExpr.Column;
import io.quarry.planner.sql.SqlExpr.IntegerConstant;
import io.quarry.planner.sql.SqlExpr.IsNull;
import io.quarry.planner.sql.SqlExpr.Operator;
import io.quarry.planner.sql.SqlQuery.Item;
import io.quarry.planner.sql.SqlQuery.Order;
import io.quarry.planner.sql.SqlQuery.Select;
import io.quarry.planner.sql.SqlQuery.With;
import io.quarry.planner.sql.SqlRenderer;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ast.SourceLocation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statement behind a filter picker: the distinct values of one dimension, read like every
 * report through the table's tenant read (so from the caller's accounts only), optionally those
 * containing a search text (case-insensitive), in order, at most {@code limit + 1} (the caller can
 * tell there are more). A dimension of an entity reads its table; a dimension of a dataset
 * (event.name) reads the facts of the last {@link #DATASET_DAYS} days, on the bare partition
 * column; a reference table's dimension lists the whole table (reference data is no tenant's).
 */
public final class ValuesPlanner {

    /** How far back a dataset dimension's values are looked for. */
    public static final int DATASET_DAYS = 90;

    private final SemanticModel model;
    private final Clock clock;

    public ValuesPlanner(SemanticModel model, Clock clock) {
        this.model = model;
        this.clock = clock;
    }

    /** The values statement; a 422 planning error for an unknown or time dimension. */
    public RenderedSql plan(String name, Optional<String> search, int limit, TenantScope scope) {
        Dimension dimension = model.dimensions().get(name);
        if (dimension == null) {
            throw new PlanningException(PlanningError.UNKNOWN_FIELD, "unknown dimension '" + name + "'",
                    SourceLocation.UNKNOWN, Suggestions.closest(name, model.dimensions().keySet()));
        }
        if (dimension.time()) {
            throw new PlanningException(PlanningError.UNSUPPORTED, "'" + name + "' is the time dimension; it has no"
                    + " list of values (filter it with a date range)", SourceLocation.UNKNOWN);
        }
        if (search.isPresent() && search.get().indexOf('\0') >= 0) {
            throw new PlanningException(PlanningError.INVALID_VALUE, "the search text must not contain the NUL"
                    + " character (U+0000)", SourceLocation.UNKNOWN);
        }
        String node = dimension.node().orElseThrow();
        String alias = "t";
        SqlExpr value = DimensionSql.of(model, dimension, Optional.empty(), null, alias, n -> alias, ZoneOffset.UTC, 0);
        List<SqlExpr> where = new ArrayList<>();
        where.add(new IsNull(value, true));
        search.filter(s -> !s.isEmpty()).ifPresent(text -> where.add(new Binary(Operator.ILIKE,
                dimension.type() == ColumnType.STRING ? value : new Cast(value, "text"),
                new Bind(new BindValue("%" + likeEscaped(text) + "%", BindType.TEXT)))));
        model.dataset(node).ifPresent(dataset -> where.add(recentOnly(dataset, alias)));
        Select select = Select.of(List.of(new Item(value, "value")), TableReads.of(model, model.tableOf(node), alias, scope))
                .where(where)
                .groupBy(List.of(new IntegerConstant(1)))
                .orderBy(List.of(new Order(new IntegerConstant(1), false, Optional.empty())))
                .limit(Optional.of(new Bind(new BindValue((long) limit + 1, BindType.BIGINT))), Optional.empty());
        return SqlRenderer.render(new With(List.of(), select));
    }

    /** The search text as a LIKE pattern's literal part: {@code %}, {@code _} and the escape character escaped. */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private SqlExpr recentOnly(Dataset dataset, String alias) {
        LocalDate from = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(DATASET_DAYS);
        BindValue bound = dataset.timeType() == ColumnType.DATE ? new BindValue(from, BindType.DATE)
                : new BindValue(from.atStartOfDay().atOffset(ZoneOffset.UTC), BindType.TIMESTAMPTZ);
        return new Binary(Operator.GE, new Column(alias, dataset.timeColumn()), new Bind(bound));
    }
}
