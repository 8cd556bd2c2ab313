package io.quarry.api.warmup;

import io.micronaut.json.JsonMapper;
import io.quarry.api.db.DirectDataSource;
import io.quarry.api.planning.PlanSafety;
import io.quarry.api.reports.ReportRequests;
import io.quarry.api.reports.ReportResponse;
import io.quarry.api.reports.ReportSource;
import io.quarry.api.rollups.RollupCoverages;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.plan.OutputColumn;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.plan.Planner;
import io.quarry.planner.resolve.ReportOutput;
import io.quarry.planner.sql.BindType;
import io.quarry.planner.sql.BindValue;
import io.quarry.planner.sql.JdbcBinder;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportFormatter;
import io.quarry.ql.ast.Report;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The warm-up's work: the report path as a request takes it, in-process, on {@link WarmupReports}
 * (each in its text and JSON forms): parse, resolve and plan for a made-up account, the safety
 * check, and the JSON encoding of an answer of that plan's columns with made-up rows; and a
 * statement of literals through the connection pool, bound like a report's. No statement reads
 * a table; the plans are not cached (the plan cache keeps callers' plans only).
 */
@Singleton
final class Warmup {

    /** What a warm-up did: reports (text and JSON forms each), whole rounds over them, plans made in all. */
    record Outcome(int reports, int rounds, long plans, Duration took, boolean complete) {
    }

    /** The warm-up plans for this account, which no statement reads. */
    private static final TenantScope SCOPE = TenantScope.of(1L);
    private static final Map<Long, String> CURRENCIES = Map.of(1L, "EUR");
    private static final int ANSWER_ROWS = 20;
    /** Literals of every kind a report binds, selected back: nothing is read from a table. */
    private static final String STATEMENT = "SELECT ?::integer, ?::bigint, ?::bigint[], ?::numeric, ?::text, ?::boolean,"
            + " ?::date";

    private final ReportRequests requests;
    private final Planner planner;
    private final PlanSafety safety;
    private final RollupCoverages rollups;
    private final JsonMapper json;
    private final DirectDataSource database;
    private final SemanticModel model;
    private final ReportFormatter formatter = new ReportFormatter();

    Warmup(ReportRequests requests, Planner planner, PlanSafety safety, RollupCoverages rollups, JsonMapper json,
           DirectDataSource database, SemanticModel model) {
        this.requests = requests;
        this.planner = planner;
        this.safety = safety;
        this.rollups = rollups;
        this.json = json;
        this.database = database;
        this.model = model;
    }

    /** Up to {@code rounds} rounds over every warm-up report, stopping at {@code deadline} (nanoTime) or interruption. */
    Outcome run(int rounds, long deadline) throws SQLException, IOException {
        long started = System.nanoTime();
        List<String[]> reports = new ArrayList<>();
        for (String text : WarmupReports.of(model, this::plans)) {
            reports.add(new String[] {text, formatter.toJson(requests.parse(new ReportSource.Body(text, true)))});
        }
        long plans = 0;
        int round = 0;
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(STATEMENT)) {
            rounds:
            while (round < rounds) {
                for (String[] report : reports) {
                    if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                        break rounds;
                    }
                    plan(requests.parse(new ReportSource.Body(report[0], true)));
                    plan(requests.parse(new ReportSource.Body(report[1], false)));
                    plans += 2;
                }
                select(statement);
                round++;
            }
        }
        return new Outcome(reports.size(), round, plans, Duration.ofNanos(System.nanoTime() - started),
                round == rounds);
    }

    /** Whether a report plans: a warm-up report is one that does. */
    private boolean plans(String text) {
        try {
            plan(requests.parse(new ReportSource.Body(text, true)));
            return true;
        } catch (RuntimeException | IOException e) {
            return false;
        }
    }

    /** Plans and checks the report as the report path does, and encodes an answer of its columns. */
    private void plan(Report report) throws IOException {
        ReportOutput output = report.pivotBy().isEmpty() ? ReportOutput.ROWS : ReportOutput.PIVOT;
        PlannedQuery query = safety.require(planner.plan(report, SCOPE, Map.of(), output, rollups.current().coverage(),
                CURRENCIES));
        json.writeValueAsBytes(answer(query));
    }

    /** An answer of the plan's columns, with made-up values of their types. */
    private static ReportResponse answer(PlannedQuery query) {
        List<ReportResponse.Column> columns = query.columns().stream().map(ReportResponse.Column::of).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < ANSWER_ROWS; r++) {
            List<Object> row = new ArrayList<>();
            for (OutputColumn c : query.columns()) {
                row.add(switch (c.type()) {
                    case INTEGER -> (long) r * 1_000;
                    case DECIMAL -> BigDecimal.valueOf(r * 1_234L, 2);
                    case BOOLEAN -> r % 2 == 0;
                    case DATE -> LocalDate.of(2026, 1, 1).plusDays(r).toString();
                    case TIMESTAMP -> LocalDate.of(2026, 1, 1).plusDays(r) + "T00:00Z";
                    case STRING -> "warm-up " + r;
                });
            }
            rows.add(row);
        }
        return new ReportResponse(columns, rows, List.of(), new ReportResponse.Meta(1.5, 2.5, rows.size(),
                (long) rows.size(), null, null, false, false));
    }

    private static void select(PreparedStatement statement) throws SQLException {
        JdbcBinder.bind(statement, List.of(new BindValue(1, BindType.INTEGER), new BindValue(2L, BindType.BIGINT),
                new BindValue(List.of(1L, 2L), BindType.BIGINT_ARRAY), new BindValue(BigDecimal.ONE, BindType.NUMERIC),
                new BindValue("warm-up", BindType.TEXT), new BindValue(true, BindType.BOOLEAN),
                new BindValue(LocalDate.of(2026, 1, 1), BindType.DATE)));
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    rs.getObject(i);
                }
            }
        }
    }
}
