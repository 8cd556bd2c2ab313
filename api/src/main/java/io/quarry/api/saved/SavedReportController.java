package io.quarry.api.saved;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.quarry.api.auth.Caller;
import io.quarry.api.problem.Problem;
import io.quarry.api.reports.AnswerFormat;
import io.quarry.api.reports.Cancellation;
import io.quarry.api.reports.PivotResponse;
import io.quarry.api.reports.ReportResponder;
import io.quarry.api.reports.ReportResponse;
import io.quarry.api.reports.ReportService;
import io.quarry.api.reports.ReportSource;
import io.quarry.api.reports.RowStreamer;
import io.quarry.planner.resolve.ReportOutput;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;

/**
 * Saved report definitions of the caller's accounts: create, list, read, update (naming the
 * version edited, by If-Match or "version"), delete, history, restore, and run. A report outside
 * the caller's accounts answers 404, like one that does not exist.
 */
@Controller("/api/v1/saved-reports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@ApiResponse(responseCode = "401", ref = Problem.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = Problem.FORBIDDEN)
@ApiResponse(responseCode = "500", ref = Problem.SERVER_ERROR)
@ApiResponse(responseCode = "503", ref = Problem.DATABASE_UNAVAILABLE)
public class SavedReportController {

    private final SavedReportService saved;
    private final SavedReportReader reader;
    private final ReportService reports;

    SavedReportController(SavedReportService saved, SavedReportReader reader, ReportService reports) {
        this.saved = saved;
        this.reader = reader;
        this.reports = reports;
    }

    /** Saves a new report (201, Location and ETag); an invalid definition is 422 and nothing is stored. */
    @ApiResponse(responseCode = "201", description = "Saved: Location and ETag name the new report", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SavedReportViews.Report.class)))
    @ApiResponse(responseCode = "400", description = "The body is not JSON, or a field breaks its constraint (name 1"
            + " to 200 characters, no NUL)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "413", ref = Problem.BODY_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = Problem.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "422", description = "The definition does not parse or plan (INVALID_DEFINITION, with"
            + " located errors); nothing is stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The account already has a report of that name (NAME_TAKEN)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Post
    public HttpResponse<SavedReportViews.Report> create(@Valid @Body SaveRequest request,
            @Parameter(hidden = true) Caller caller) {
        SavedReportViews.Report report = saved.create(caller, request);
        return HttpResponse.created(report, URI.create("/api/v1/saved-reports/" + report.id()))
                .header(HttpHeaders.ETAG, ETags.of(report.version()));
    }

    /** The caller's reports, newest change first; {@code name} matches part of the name, case-insensitively. */
    @ApiResponse(responseCode = "200", description = "A page of the caller's reports", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SavedReportViews.Page.class)))
    @ApiResponse(responseCode = "400", description = "offset or limit out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get
    public SavedReportViews.Page list(@QueryValue @Nullable Long account, @QueryValue @Nullable String name,
                                      @QueryValue @Nullable String owner,
                                      @QueryValue(defaultValue = "0") @Min(0) @Max(SavedReportReader.MAX_OFFSET) long offset,
                                      @QueryValue(defaultValue = "50") @Min(1) @Max(SavedReportReader.MAX_PAGE) int limit,
                                      @Parameter(hidden = true) Caller caller) {
        return reader.list(caller.scope(), account, name, owner, offset, limit);
    }

    /** One report, with its ETag; {@code status} says whether it still plans against the current model. */
    @ApiResponse(responseCode = "200", description = "The report; ETag names its version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SavedReportViews.Report.class)))
    @ApiResponse(responseCode = "404", description = "No such report in the caller's accounts (REPORT_NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get("/{id}")
    public HttpResponse<SavedReportViews.Report> get(@PathVariable String id, @Parameter(hidden = true) Caller caller) {
        return withETag(reader.get(caller.scope(), id));
    }

    /** Replaces the report's content; the version edited must be current, or 409 and nothing changes. */
    @ApiResponse(responseCode = "200", description = "The report's new version; ETag names it", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SavedReportViews.Report.class)))
    @ApiResponse(responseCode = "400", description = "The body is not JSON, a field breaks its constraint, or"
            + " If-Match is not a report ETag",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "413", ref = Problem.BODY_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = Problem.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "404", description = "No such report in the caller's accounts (REPORT_NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The report is no longer at the version edited"
            + " (VERSION_CONFLICT), or the name is taken (NAME_TAKEN); nothing changes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "428", description = "No version named: send If-Match or \"version\""
            + " (VERSION_REQUIRED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The definition does not parse or plan (INVALID_DEFINITION);"
            + " nothing changes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Put("/{id}")
    public HttpResponse<SavedReportViews.Report> update(@PathVariable String id,
                                                        @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
                                                        @Valid @Body SaveRequest request,
                                                                @Parameter(hidden = true) Caller caller) {
        return withETag(saved.update(caller, id, ETags.version(ifMatch), request));
    }

    /** Deletes the report (its history stays); with If-Match, only if it is still at that version. */
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "400", description = "An If-Match that is not a report ETag (INVALID_IF_MATCH)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such report in the caller's accounts (REPORT_NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The report is no longer at the If-Match version"
            + " (VERSION_CONFLICT); nothing changes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Delete("/{id}")
    public HttpResponse<Void> delete(@PathVariable String id, @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
                                     @Parameter(hidden = true) Caller caller) {
        saved.delete(caller, id, ETags.version(ifMatch));
        return HttpResponse.noContent();
    }

    /** Every version of the report, newest first. */
    @ApiResponse(responseCode = "200", description = "The report's versions, newest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            array = @ArraySchema(schema = @Schema(implementation = SavedReportViews.Version.class))))
    @ApiResponse(responseCode = "404", description = "No such report in the caller's accounts (REPORT_NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get("/{id}/versions")
    public List<SavedReportViews.Version> versions(@PathVariable String id, @Parameter(hidden = true) Caller caller) {
        return reader.versions(caller.scope(), id);
    }

    /** One version of the report: what it was after that change. */
    @ApiResponse(responseCode = "200", description = "The version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SavedReportViews.Version.class)))
    @ApiResponse(responseCode = "404", description = "No such report in the caller's accounts (REPORT_NOT_FOUND), or"
            + " no such version (VERSION_NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get("/{id}/versions/{version}")
    public SavedReportViews.Version version(@PathVariable String id, @PathVariable int version,
                                            @Parameter(hidden = true) Caller caller) {
        return reader.version(caller.scope(), id, version);
    }

    /** Makes an earlier version's content the report's new version (if it still plans). */
    @ApiResponse(responseCode = "200", description = "The report's new version; ETag names it", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SavedReportViews.Report.class)))
    @ApiResponse(responseCode = "400", description = "An If-Match that is not a report ETag (INVALID_IF_MATCH)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such report in the caller's accounts (REPORT_NOT_FOUND), or"
            + " no such version (VERSION_NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The report is no longer at the version edited"
            + " (VERSION_CONFLICT), or the name is taken (NAME_TAKEN); nothing changes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "428", description = "No version named: send If-Match or \"version\""
            + " (VERSION_REQUIRED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The version no longer plans against the current model"
            + " (INVALID_DEFINITION)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Post("/{id}/versions/{version}/restore")
    public HttpResponse<SavedReportViews.Report> restore(@PathVariable String id, @PathVariable int version,
                                                         @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
                                                         @Parameter(hidden = true) Caller caller) {
        return withETag(saved.restore(caller, id, version, ETags.version(ifMatch)));
    }

    /**
     * Runs the report with parameter values and overrides, answering like /reports/query (JSON,
     * CSV, NDJSON) or, for a report with PIVOT BY, like /reports/pivot.
     */
    @ApiResponse(responseCode = "200", description = "The answer, like /reports/query's, or /reports/pivot's for a"
            + " report with PIVOT BY", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {ReportResponse.class,
                PivotResponse.class})),
        @Content(mediaType = MediaType.TEXT_CSV, schema = @Schema(type = "string")),
        @Content(mediaType = RowStreamer.NDJSON, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", description = "The body is not JSON, or a value has the wrong type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "413", ref = Problem.BODY_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = Problem.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "404", description = "No such report in the caller's accounts (REPORT_NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "A parameter value, date range, filter or limit is invalid"
            + " (located by JSON pointer), or the report no longer plans against the current model"
            + " (REPORT_NOT_RUNNABLE)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "406", ref = Problem.NOT_ACCEPTABLE)
    @ApiResponse(responseCode = "429", ref = Problem.TOO_MANY_REPORTS)
    @ApiResponse(responseCode = "504", ref = Problem.STATEMENT_TIMEOUT)
    @Post(uri = "/{id}/run", consumes = MediaType.APPLICATION_JSON,
            produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_CSV, RowStreamer.NDJSON})
    public HttpResponse<?> run(@PathVariable String id, @Body @Nullable RunRequest body, HttpRequest<?> request,
                               @Parameter(hidden = true) Caller caller) throws SQLException {
        ReportSource.Saved run = reader.run(caller.scope(), id, body == null ? RunRequest.NONE : body);
        ReportOutput output = run.report().pivotBy().isEmpty() ? ReportOutput.ROWS : ReportOutput.PIVOT;
        return ReportResponder.of(reports.answer(run, caller, output, AnswerFormat.of(request),
                Cancellation.of(request)));
    }

    private static HttpResponse<SavedReportViews.Report> withETag(SavedReportViews.Report report) {
        return HttpResponse.ok(report).header(HttpHeaders.ETAG, ETags.of(report.version()));
    }
}
