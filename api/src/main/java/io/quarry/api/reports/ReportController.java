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
import io.quarry.api.problem.Problem;
import io.quarry.planner.resolve.ReportOutput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.sql.SQLException;

/** Runs reports for the caller's accounts: the tenant scope comes only from the bearer token. */
@Controller("/api/v1/reports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@ApiResponse(responseCode = "400", description = "The report does not parse: located (line and column, or"
        + " JSON pointer), with the tokens expected", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "401", ref = Problem.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = Problem.FORBIDDEN)
@ApiResponse(responseCode = "406", ref = Problem.NOT_ACCEPTABLE)
@ApiResponse(responseCode = "413", ref = Problem.BODY_TOO_LARGE)
@ApiResponse(responseCode = "415", ref = Problem.UNSUPPORTED_MEDIA_TYPE)
@ApiResponse(responseCode = "422", description = "The report does not plan against the model (located, with"
        + " suggestions), or is too complex", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "429", ref = Problem.TOO_MANY_REPORTS)
@ApiResponse(responseCode = "500", ref = Problem.SERVER_ERROR)
@ApiResponse(responseCode = "503", ref = Problem.DATABASE_UNAVAILABLE)
@ApiResponse(responseCode = "504", ref = Problem.STATEMENT_TIMEOUT)
public class ReportController {

    private static final String REPORT_TEXT = "#/components/schemas/ReportText";
    private static final String REPORT_JSON = "#/components/schemas/ReportRequest";

    private final ReportService reports;
    private final ReportExplainer explainer;

    ReportController(ReportService reports, ReportExplainer explainer) {
        this.reports = reports;
        this.explainer = explainer;
    }

    /** A report with PIVOT BY, as a pivot table: JSON, or a wide CSV by the Accept header. */
    @RequestBody(required = true, content = {
        @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(ref = REPORT_TEXT)),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = REPORT_JSON))})
    @ApiResponse(responseCode = "200", description = "The pivot table", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PivotResponse.class)),
        @Content(mediaType = MediaType.TEXT_CSV, schema = @Schema(type = "string",
                description = "the pivot table as a wide CSV: one column per pivot column and metric"))})
    @Post(uri = "/pivot", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN},
            produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_CSV})
    public HttpResponse<?> pivot(@Body String body, HttpRequest<?> request, @Parameter(hidden = true) Caller caller)
            throws SQLException {
        return ReportResponder.of(reports.answer(ReportRequests.body(body, request), caller, ReportOutput.PIVOT,
                AnswerFormat.of(request), Cancellation.of(request)));
    }

    /**
     * The report in its canonical text and JSON forms, its SQL, parameters, the planner's steps and
     * the database's EXPLAIN.
     */
    @RequestBody(required = true, content = {
        @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(ref = REPORT_TEXT)),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = REPORT_JSON))})
    @ApiResponse(responseCode = "200", description = "The report's SQL and plans",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExplainResponse.class)))
    @Post(uri = "/explain", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN},
            produces = MediaType.APPLICATION_JSON)
    public ExplainResponse explain(@Body String body, HttpRequest<?> request,
            @Parameter(hidden = true) Caller caller) throws SQLException {
        return explainer.explain(ReportRequests.body(body, request), caller);
    }

    /** A report's rows: JSON, or, by the Accept header, CSV or NDJSON streamed in constant memory. */
    @Operation(summary = "Runs a report: its rows as JSON, CSV or NDJSON", description = "The report is the text"
            + " form (text/plain), its JSON form, or the text form wrapped as {\"query\": \"...\"}"
            + " (application/json). The answer is JSON, or, by the Accept header, CSV or NDJSON streamed in"
            + " constant memory.")
    @RequestBody(required = true, content = {
        @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(ref = REPORT_TEXT)),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = REPORT_JSON))})
    @ApiResponse(responseCode = "200", description = "The report's rows", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportResponse.class)),
        @Content(mediaType = MediaType.TEXT_CSV, schema = @Schema(type = "string",
                description = "a header row, then one row per result row")),
        @Content(mediaType = RowStreamer.NDJSON, schema = @Schema(type = "string",
                description = "one JSON object per line, keyed by column name"))})
    @Post(uri = "/query", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN},
            produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_CSV, RowStreamer.NDJSON})
    public HttpResponse<?> query(@Body String body, HttpRequest<?> request, @Parameter(hidden = true) Caller caller)
            throws SQLException {
        return ReportResponder.of(reports.answer(ReportRequests.body(body, request), caller, ReportOutput.ROWS,
                AnswerFormat.of(request), Cancellation.of(request)));
    }
}
