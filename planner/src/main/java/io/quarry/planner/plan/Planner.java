package io.quarry.planner.plan;

import io.quarry.planner.model.ColumnType;
import io.quarry.planner.model.Format;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.model.TimeGrain;
import io.quarry.planner.resolve.Level;
import io.quarry.planner.resolve.PlannerLimits;
import io.quarry.planner.resolve.PlanningError;
import io.quarry.planner.resolve.PlanningException;
import io.quarry.planner.resolve.ReportOutput;
import io.quarry.planner.resolve.ResolvedReport;
import io.quarry.planner.resolve.Resolver;
import io.quarry.planner.sql.RenderedSql;
import io.quarry.planner.sql.SqlQuery.Cte;
import io.quarry.planner.sql.SqlQuery.Select;
import io.quarry.planner.sql.SqlQuery.With;
import io.quarry.planner.sql.SqlRenderer;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ast.Report;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans a parsed report into Citus-safe SQL: resolution against the model, one materialized
 * base CTE per dataset (aggregated on the workers, every tenant table filtered by the caller's
 * accounts, every tenant join on account_id), then the final query over those CTEs on the
 * coordinator. Thread-safe.
 */
public final class Planner {

    /** The most bind values one statement may have (the protocol counts them in 16 bits). */
    static final int MAX_BINDS = 65_535;

    private final SemanticModel model;
    private final Resolver resolver;
    private final boolean hll;

    public Planner(SemanticModel model, Clock clock) {
        this(model, clock, PlannerLimits.DEFAULT, false);
    }

    /**
     * @param hll whether the database has the hll extension: approximate distinct counts are then
     *            hll sketches (merged across rollup rows), else exact distinct counts
     */
    public Planner(SemanticModel model, Clock clock, PlannerLimits limits, boolean hll) {
        this.model = model;
        this.resolver = new Resolver(model, clock, limits);
        this.hll = hll;
    }

    /**
     * The report planned as written: a pivot with PIVOT BY, else rows (see
     * {@link #plan(Report, TenantScope, Map, ReportOutput)}).
     */
    public PlannedQuery plan(Report report, TenantScope scope, Map<String, Object> parameters) {
        return plan(report, scope, parameters, ReportOutput.AS_WRITTEN);
    }

    /**
     * @param scope      the accounts the caller may read, from its token; the report reads these or fewer
     * @param parameters values for the report's {@code :parameters}
     * @param output     rows, or a pivot table (refused without PIVOT BY)
     */
    public PlannedQuery plan(Report report, TenantScope scope, Map<String, Object> parameters, ReportOutput output) {
        return plan(report, scope, parameters, output, RollupCoverage.NONE);
    }

    /**
     * @param rollups what the rollups hold now: a dataset is read from the smallest rollup that
     *                answers the report exactly, else from its facts
     */
    public PlannedQuery plan(Report report, TenantScope scope, Map<String, Object> parameters, ReportOutput output,
                             RollupCoverage rollups) {
        return plan(report, scope, parameters, output, rollups, Map.of());
    }

    /**
     * @param accountCurrencies the currency of each account of the scope (from the accounts
     *                          table): a report that adds money of several currencies without a
     *                          CURRENCY is refused, and columns carry their currency code; an
     *                          account not listed has an unknown currency
     */
    public PlannedQuery plan(Report report, TenantScope scope, Map<String, Object> parameters, ReportOutput output,
                             RollupCoverage rollups, Map<Long, String> accountCurrencies) {
        ResolvedReport resolved = resolver.resolve(report, scope, parameters, output);
        Money.requireOneCurrency(model, resolved, report, accountCurrencies);
        BaseCteBuilder builder = new BaseCteBuilder(model, resolved, rollups, hll);
        boolean compare = resolved.compare().isPresent();
        List<BaseCte> bases = new ArrayList<>();
        List<BaseCte> previous = new ArrayList<>();
        List<Cte> ctes = new ArrayList<>();
        for (int i = 0; i < resolved.datasets().size(); i++) {
            String dataset = resolved.datasets().get(i);
            bases.add(builder.build(dataset, i));
            ctes.add(bases.get(i).cte());
            if (compare) {
                Period period = Period.previous(resolved);
                previous.add(builder.build(dataset, "previous_" + i + "_" + dataset, Level.detail(resolved),
                        period.range(), period.shiftDays()));
                ctes.add(previous.get(i).cte());
            }
        }
        List<Level> levels = new ArrayList<>(List.of(Level.detail(resolved)));
        levels.addAll(resolved.totals());
        List<String> levelCtes = new ArrayList<>();
        Select body = null;
        for (Level level : levels) {
            String prefix = level.isDetail() ? "" : "total_" + level.number() + "_";
            List<BaseCte> current = levelBases(bases, level, prefix + "base_", builder, Period.current(resolved), ctes);
            LevelSelect rows = compare
                    ? CompareShaper.of(resolved, level, current,
                            levelBases(previous, level, prefix + "previous_", builder, Period.previous(resolved), ctes),
                            prefix + "compared")
                    : FinalSelectBuilder.of(resolved, current, level, prefix + "stitched");
            ctes.addAll(rows.ctes());
            if (resolved.totals().isEmpty()) {
                body = rows.select();
            } else {
                String name = level.isDetail() ? "detail_rows" : prefix + "rows";
                ctes.add(new Cte(name, false, rows.select()));
                levelCtes.add(name);
            }
        }
        List<OutputColumn> columns = columns(resolved, Money.currency(resolved, accountCurrencies));
        if (!resolved.totals().isEmpty()) {
            body = TotalsShaper.stack(resolved, columns.stream().map(OutputColumn::name).toList(), levelCtes);
        }
        RenderedSql sql = SqlRenderer.render(new With(ctes, body));
        if (sql.binds().size() > MAX_BINDS) {
            throw new PlanningException(PlanningError.LIMIT_EXCEEDED, "the report's query needs " + sql.binds().size()
                    + " values, more than the " + MAX_BINDS + " PostgreSQL takes in one statement (each part of the"
                    + " query repeats the filters); use fewer IN values", report.where().map(w -> w.location())
                    .orElse(report.location()));
        }
        return new PlannedQuery(sql, columns, PlanDescriber.steps(resolved, bases), resolved);
    }

    /** The bases of a level: the detail bases themselves, or each re-aggregated (or re-read) at the level. */
    private static List<BaseCte> levelBases(List<BaseCte> detail, Level level, String prefix, BaseCteBuilder builder,
                                            Period period, List<Cte> ctes) {
        if (level.isDetail()) {
            return detail;
        }
        List<BaseCte> bases = new ArrayList<>();
        for (int i = 0; i < detail.size(); i++) {
            BaseCte base = LevelBases.of(detail.get(i), level, prefix + i + "_" + detail.get(i).dataset(), builder, period);
            bases.add(base);
            ctes.add(base.cte());
        }
        return bases;
    }

    private static List<OutputColumn> columns(ResolvedReport report, Optional<String> currency) {
        List<OutputColumn> columns = new ArrayList<>();
        report.dimensions().forEach(d -> columns.add(new OutputColumn(d.name(), d.label(), OutputColumn.Kind.DIMENSION,
                d.type(), d.format(), d.dimension().time() ? Optional.of(d.grain().orElse(TimeGrain.DAY))
                        : Optional.empty(), Optional.empty())));
        for (ResolvedReport.OutputMetric m : report.metrics()) {
            Optional<String> money = m.format() == Format.CURRENCY ? currency : Optional.empty();
            columns.add(new OutputColumn(m.name(), m.label(), OutputColumn.Kind.METRIC, m.type(), m.format(),
                    Optional.empty(), money));
            if (report.compare().isPresent()) {
                columns.add(new OutputColumn(m.name() + CompareShaper.PREVIOUS, m.label() + " (previous period)",
                        OutputColumn.Kind.METRIC, m.type(), m.format(), Optional.empty(), money));
                columns.add(new OutputColumn(m.name() + CompareShaper.CHANGE, m.label() + " (change)",
                        OutputColumn.Kind.METRIC, ColumnType.DECIMAL, Format.PERCENT, Optional.empty(), Optional.empty()));
            }
        }
        return columns;
    }
}
