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
import io.quarry.api.reports.AnswerFormat;
import io.quarry.api.reports.Cancellation;
import io.quarry.api.reports.ReportResponder;
import io.quarry.api.reports.ReportService;
import io.quarry.api.reports.ReportSource;
import io.quarry.api.reports.RowStreamer;
import io.quarry.planner.resolve.ReportOutput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
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
    @Post
    public HttpResponse<SavedReportViews.Report> create(@Valid @Body SaveRequest request, Caller caller) {
        SavedReportViews.Report report = saved.create(caller, request);
        return HttpResponse.created(report, URI.create("/api/v1/saved-reports/" + report.id()))
                .header(HttpHeaders.ETAG, ETags.of(report.version()));
    }

    /** The caller's reports, newest change first; {@code name} matches part of the name, case-insensitively. */
    @Get
    public SavedReportViews.Page list(@QueryValue @Nullable Long account, @QueryValue @Nullable String name,
                                      @QueryValue @Nullable String owner,
                                      @QueryValue(defaultValue = "0") @Min(0) @Max(SavedReportReader.MAX_OFFSET) long offset,
                                      @QueryValue(defaultValue = "50") @Min(1) @Max(SavedReportReader.MAX_PAGE) int limit,
                                      Caller caller) {
        return reader.list(caller.scope(), account, name, owner, offset, limit);
    }

    /** One report, with its ETag; {@code status} says whether it still plans against the current model. */
    @Get("/{id}")
    public HttpResponse<SavedReportViews.Report> get(@PathVariable String id, Caller caller) {
        return withETag(reader.get(caller.scope(), id));
    }

    /** Replaces the report's content; the version edited must be current, or 409 and nothing changes. */
    @Put("/{id}")
    public HttpResponse<SavedReportViews.Report> update(@PathVariable String id,
                                                        @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
                                                        @Valid @Body SaveRequest request, Caller caller) {
        return withETag(saved.update(caller, id, ETags.version(ifMatch), request));
    }

    /** Deletes the report (its history stays); with If-Match, only if it is still at that version. */
    @Delete("/{id}")
    public HttpResponse<Void> delete(@PathVariable String id, @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
                                     Caller caller) {
        saved.delete(caller, id, ETags.version(ifMatch));
        return HttpResponse.noContent();
    }

    /** Every version of the report, newest first. */
    @Get("/{id}/versions")
    public List<SavedReportViews.Version> versions(@PathVariable String id, Caller caller) {
        return reader.versions(caller.scope(), id);
    }

    @Get("/{id}/versions/{version}")
    public SavedReportViews.Version version(@PathVariable String id, @PathVariable int version,
                                            Caller caller) {
        return reader.version(caller.scope(), id, version);
    }

    /** Makes an earlier version's content the report's new version (if it still plans). */
    @Post("/{id}/versions/{version}/restore")
    public HttpResponse<SavedReportViews.Report> restore(@PathVariable String id, @PathVariable int version,
                                                         @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
                                                         Caller caller) {
        return withETag(saved.restore(caller, id, version, ETags.version(ifMatch)));
    }

    /**
     * Runs the report with parameter values and overrides, answering like /reports/query (JSON,
     * CSV, NDJSON) or, for a report with PIVOT BY, like /reports/pivot.
     */
    @Post(uri = "/{id}/run", consumes = MediaType.APPLICATION_JSON,
            produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_CSV, RowStreamer.NDJSON})
    public HttpResponse<?> run(@PathVariable String id, @Body @Nullable RunRequest body, HttpRequest<?> request,
                               Caller caller) throws SQLException, IOException {
        ReportSource.Saved run = reader.run(caller.scope(), id, body == null ? RunRequest.NONE : body);
        ReportOutput output = run.report().pivotBy().isEmpty() ? ReportOutput.ROWS : ReportOutput.PIVOT;
        return ReportResponder.of(reports.answer(run, caller, output, AnswerFormat.of(request),
                Cancellation.of(request)));
    }

    private static HttpResponse<SavedReportViews.Report> withETag(SavedReportViews.Report report) {
        return HttpResponse.ok(report).header(HttpHeaders.ETAG, ETags.of(report.version()));
    }
}
