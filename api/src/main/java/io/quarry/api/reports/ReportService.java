package io.quarry.api.reports;

import io.micronaut.http.MediaType;
import io.quarry.api.auth.CallerScope;
import io.quarry.planner.plan.OutputColumn;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.plan.Planner;
import io.quarry.planner.resolve.Level;
import io.quarry.ql.ast.Report;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Parses, plans (within the caller's accounts) and runs a report. */
@Singleton
public final class ReportService {

    private final ReportRequests requests;
    private final Planner planner;
    private final ReportExecutor executor;
    private final ExecutionConfiguration configuration;
    private final RowStreamer streamer;
    private final ReportCache cache;
    private final PlanCache plans;

    ReportService(ReportRequests requests, Planner planner, ReportExecutor executor, ExecutionConfiguration configuration,
                  RowStreamer streamer, ReportCache cache, PlanCache plans) {
        this.cache = cache;
        this.plans = plans;
        this.requests = requests;
        this.planner = planner;
        this.executor = executor;
        this.configuration = configuration;
        this.streamer = streamer;
    }

    /** The plan of a request body for the caller's accounts (reused from {@link PlanCache} when it can be). */
    public PlannedQuery plan(String body, MediaType contentType, CallerScope scope) {
        boolean text = contentType != null && MediaType.TEXT_PLAIN.equals(contentType.getName());
        return plans.get(text, body, scope.accounts(),
                () -> planner.plan(requests.parse(body, contentType), scope.accounts(), Map.of()));
    }

    /** A parsed report (a saved one) with its parameter values, within {@code accounts}. */
    public PlannedQuery plan(Report report, Map<String, Object> parameters, Set<Long> accounts) {
        return planner.plan(report, accounts, parameters);
    }

    public ReportResponse query(String body, MediaType contentType, CallerScope scope) throws SQLException {
        long started = System.nanoTime();
        return query(plan(body, contentType, scope), started, Cancellation.none());
    }

    /**
     * Runs a planned query (through the cache); {@code started} is when planning began, for the
     * timings in the answer. The query stops when {@code cancellation} fires.
     */
    public ReportResponse query(PlannedQuery query, long started, Cancellation cancellation) throws SQLException {
        long planned = System.nanoTime();
        return cache.get(query, () -> {
            List<List<Object>> rows = executor.run(query, configuration.maxRows(), cancellation);
            long ran = System.nanoTime();
            return response(query, rows, (planned - started) / 1e6, (ran - planned) / 1e6);
        });
    }

    /** Runs a planned query with PIVOT BY and assembles its pivot table. */
    public PivotResponse pivot(PlannedQuery query, long started, int maxColumns) throws SQLException {
        if (query.report().pivot().isEmpty()) {
            throw new io.quarry.planner.resolve.PlanningException(io.quarry.planner.resolve.PlanningError.UNSUPPORTED,
                    "a pivot report needs PIVOT BY (JSON: \"pivotBy\")", io.quarry.ql.ast.SourceLocation.UNKNOWN);
        }
        long planned = System.nanoTime();
        List<List<Object>> rows = executor.run(query, Integer.MAX_VALUE - 1);
        long ran = System.nanoTime();
        List<String> names = query.columns().stream().map(OutputColumn::name).toList();
        List<java.util.Map<String, Object>> maps = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            java.util.Map<String, Object> map = new java.util.HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                map.put(names.get(i), row.get(i));
            }
            map.put(Level.COLUMN, row.get(row.size() - 1));
            maps.add(map);
        }
        io.quarry.planner.pivot.PivotTable table = io.quarry.planner.pivot.PivotAssembler.assemble(query, maps, maxColumns);
        return new PivotResponse(table.rowDimensions(), table.columnDimensions(), table.metrics(), table.columns(),
                table.rows().stream().map(r -> new PivotResponse.Row(r.header(), r.cells(), r.total())).toList(),
                table.columnTotals(), table.grandTotal(), new PivotResponse.Meta(round((planned - started) / 1e6),
                        round((ran - planned) / 1e6), table.totalRows(), table.truncated()));
    }

    /** A planned query's rows as a CSV or NDJSON stream, started before anything is sent (so errors are problems). */
    public java.io.InputStream stream(PlannedQuery query, MediaType format) throws SQLException, java.io.IOException {
        OpenResult result = executor.open(query);
        try {
            return streamer.stream(query, result, format);
        } catch (java.io.IOException | RuntimeException e) {
            result.close();
            throw e;
        }
    }

    public ExplainResponse explain(String body, MediaType contentType, CallerScope scope) throws SQLException {
        PlannedQuery query = plan(body, contentType, scope);
        return new ExplainResponse(query.sql().sql(),
                query.sql().binds().stream().map(io.quarry.planner.sql.BindValue::inlined).toList(),
                query.steps().stream().map(s -> new ExplainResponse.Step(s.name(), s.runsOn(), s.description(), s.tables()))
                        .toList(),
                executor.explain(query));
    }

    private ReportResponse response(PlannedQuery query, List<List<Object>> rows, double planMillis, double queryMillis) {
        List<ReportResponse.Column> columns = query.columns().stream().map(c -> new ReportResponse.Column(c.name(),
                c.label(), c.kind().name().toLowerCase(Locale.ROOT), c.type().label(), c.format().label())).toList();
        boolean totals = !query.report().totals().isEmpty();
        List<List<Object>> detail = new ArrayList<>();
        List<ReportResponse.Total> totalRows = new ArrayList<>();
        for (List<Object> row : rows) {
            if (!totals) {
                detail.add(row);
                continue;
            }
            int level = ((Number) row.get(row.size() - 1)).intValue();
            List<Object> values = row.subList(0, row.size() - 1);
            if (level == 0) {
                detail.add(values);
            } else {
                String kind = query.report().totals().stream().filter(l -> l.number() == level).map(Level::kind)
                        .findFirst().orElse("total");
                totalRows.add(new ReportResponse.Total(kind, values));
            }
        }
        boolean truncated = detail.size() > configuration.maxRows();
        if (truncated) {
            detail = detail.subList(0, configuration.maxRows());
        }
        return new ReportResponse(columns, detail, totalRows,
                new ReportResponse.Meta(round(planMillis), round(queryMillis), detail.size(), truncated, false));
    }

    private static double round(double millis) {
        return Math.round(millis * 1000) / 1000.0;
    }

    static List<OutputColumn> columns(PlannedQuery query) {
        return query.columns();
    }
}
