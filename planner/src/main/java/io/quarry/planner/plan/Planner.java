package io.quarry.planner.plan;

import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.resolve.Level;
import io.quarry.planner.resolve.ResolvedReport;
import io.quarry.planner.resolve.Resolver;
import io.quarry.planner.sql.SqlQuery.Cte;
import io.quarry.planner.sql.SqlQuery.With;
import io.quarry.planner.sql.SqlRenderer;
import io.quarry.ql.ast.Report;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans a parsed report into Citus-safe SQL: resolution against the model, one materialized
 * base CTE per dataset (aggregated on the workers, every tenant table filtered by the caller's
 * accounts, every tenant join on account_id), then the final query over those CTEs on the
 * coordinator. Thread-safe.
 */
public final class Planner {

    private final SemanticModel model;
    private final Resolver resolver;

    public Planner(SemanticModel model, Clock clock) {
        this.model = model;
        this.resolver = new Resolver(model, clock);
    }

    /**
     * @param permittedAccounts the accounts the caller may read, from its token; never widened
     * @param parameters        values for the report's {@code :parameters}
     */
    public PlannedQuery plan(Report report, Set<Long> permittedAccounts, Map<String, Object> parameters) {
        ResolvedReport resolved = resolver.resolve(report, permittedAccounts, parameters);
        BaseCteBuilder builder = new BaseCteBuilder(model, resolved);
        List<BaseCte> bases = new ArrayList<>();
        for (int i = 0; i < resolved.datasets().size(); i++) {
            bases.add(builder.build(resolved.datasets().get(i), i));
        }
        if (resolved.compare().isPresent()) {
            With compared = CompareShaper.shape(resolved, builder, bases);
            return new PlannedQuery(SqlRenderer.render(compared), columns(resolved), PlanDescriber.steps(resolved, bases),
                    resolved);
        }
        List<Cte> ctes = new ArrayList<>(bases.stream().map(BaseCte::cte).toList());
        FinalSelectBuilder detail = new FinalSelectBuilder(resolved, bases, Level.detail(resolved), "stitched");
        detail.stitch().ifPresent(ctes::add);
        With statement = resolved.totals().isEmpty()
                ? new With(ctes, detail.build())
                : TotalsShaper.withTotals(resolved, builder, bases, ctes, detail.build());
        return new PlannedQuery(SqlRenderer.render(statement), columns(resolved), PlanDescriber.steps(resolved, bases),
                resolved);
    }

    private static List<OutputColumn> columns(ResolvedReport report) {
        List<OutputColumn> columns = new ArrayList<>();
        report.dimensions().forEach(d -> columns.add(new OutputColumn(d.name(), d.label(), OutputColumn.Kind.DIMENSION,
                d.type(), d.format())));
        for (ResolvedReport.OutputMetric m : report.metrics()) {
            columns.add(new OutputColumn(m.name(), m.label(), OutputColumn.Kind.METRIC, m.type(), m.format()));
            if (report.compare().isPresent()) {
                columns.add(new OutputColumn(m.name() + CompareShaper.PREVIOUS, m.label() + " (previous period)",
                        OutputColumn.Kind.METRIC, m.type(), m.format()));
                columns.add(new OutputColumn(m.name() + CompareShaper.CHANGE, m.label() + " (change)",
                        OutputColumn.Kind.METRIC, io.quarry.planner.model.ColumnType.DECIMAL,
                        io.quarry.planner.model.Format.PERCENT));
            }
        }
        return columns;
    }
}
