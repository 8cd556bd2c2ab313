package io.quarry.api.reports;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.quarry.api.auth.Caller;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.resolve.ReportOutput;
import io.quarry.planner.sql.BindValue;
import io.quarry.ql.ReportFormatter;
import io.quarry.ql.ast.Report;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Map;

/**
 * Explains a report: its canonical text and JSON forms, the SQL the report path would run (the
 * same plan, from {@link ReportService#plan}), its values, the planner's steps and the database's
 * own EXPLAIN.
 */
@Singleton
public final class ReportExplainer {

    private final ReportRequests requests;
    private final ReportService reports;
    private final ReportExecutor executor;
    private final JsonMapper json;
    private final ReportFormatter formatter = new ReportFormatter();

    ReportExplainer(ReportRequests requests, ReportService reports, ReportExecutor executor, JsonMapper json) {
        this.requests = requests;
        this.reports = reports;
        this.executor = executor;
        this.json = json;
    }

    public ExplainResponse explain(ReportSource.Body source, Caller caller) throws SQLException {
        Report report = requests.parse(source);
        PlannedQuery query = reports.plan(source, caller.scope(), ReportOutput.AS_WRITTEN);
        return new ExplainResponse(formatter.toText(report), jsonForm(report), query.sql().sql(),
                query.sql().binds().stream().map(BindValue::inlined).toList(),
                query.steps().stream().map(s -> new ExplainResponse.Step(s.name(), s.runsOn(), s.description(),
                        s.tables())).toList(),
                executor.explain(query));
    }

    private Map<String, Object> jsonForm(Report report) {
        try {
            return json.readValue(formatter.toJson(report), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("the formatter's own JSON did not read back", e);
        }
    }
}
