package io.quarry.api.reports;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.quarry.api.auth.Caller;
import io.quarry.planner.resolve.ReportOutput;
import java.io.IOException;
import java.sql.SQLException;

/** Runs reports for the caller's accounts: the tenant scope comes only from the bearer token. */
@Controller("/api/v1/reports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReportController {

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    /** A report with PIVOT BY, as a pivot table: JSON, or a wide CSV by the Accept header. */
    @Post(uri = "/pivot", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN},
            produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_CSV})
    public HttpResponse<?> pivot(@Body String body, HttpRequest<?> request, Caller caller)
            throws SQLException, IOException {
        return ReportResponder.of(reports.answer(ReportRequests.body(body, request), caller, ReportOutput.PIVOT,
                AnswerFormat.of(request), Cancellation.of(request)));
    }

    /** The SQL, its parameters, the planner's steps and the database's EXPLAIN of a report. */
    @Post(uri = "/explain", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN},
            produces = MediaType.APPLICATION_JSON)
    public ExplainResponse explain(@Body String body, HttpRequest<?> request, Caller caller) throws SQLException {
        return reports.explain(ReportRequests.body(body, request), caller);
    }

    /**
     * A report in its JSON form, as {@code {"query": "<text>"}}, or as {@code text/plain}. Answers
     * JSON, or, by the Accept header, CSV or NDJSON streamed in constant memory.
     */
    @Post(uri = "/query", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN},
            produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_CSV, RowStreamer.NDJSON})
    public HttpResponse<?> query(@Body String body, HttpRequest<?> request, Caller caller)
            throws SQLException, IOException {
        return ReportResponder.of(reports.answer(ReportRequests.body(body, request), caller, ReportOutput.ROWS,
                AnswerFormat.of(request), Cancellation.of(request)));
    }
}
