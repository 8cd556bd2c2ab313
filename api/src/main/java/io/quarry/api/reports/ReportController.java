package io.quarry.api.reports;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.quarry.api.auth.AuthConfiguration;
import io.quarry.api.auth.CallerScope;
import java.sql.SQLException;

/** Runs reports for the caller's accounts: the tenant scope comes only from the bearer token. */
@Controller("/api/v1/reports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReportController {

    private final ReportService reports;
    private final AuthConfiguration auth;
    private final ExecutionConfiguration execution;
    private final CallerLimiter limiter;

    ReportController(ReportService reports, AuthConfiguration auth, ExecutionConfiguration execution,
                     CallerLimiter limiter) {
        this.reports = reports;
        this.auth = auth;
        this.execution = execution;
        this.limiter = limiter;
    }

    /** A report with PIVOT BY, as a pivot table: JSON, or a wide CSV by the Accept header. */
    @Post(uri = "/pivot", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN},
            produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_CSV})
    public HttpResponse<?> pivot(@Body String body, HttpRequest<?> request, Authentication authentication)
            throws SQLException, java.io.IOException {
        PivotResponse pivot;
        try (CallerLimiter.Permit ignored = limiter.acquire(authentication.getName())) {
            pivot = reports.pivot(body, request.getContentType().orElse(MediaType.APPLICATION_JSON_TYPE),
                    CallerScope.of(authentication, auth.accountsClaim()), execution.maxPivotColumns());
        }
        if (streamed(request) != null && streamed(request).getName().equals(MediaType.TEXT_CSV)) {
            return HttpResponse.ok(PivotCsv.of(pivot)).contentType(MediaType.of(MediaType.TEXT_CSV + ";charset=utf-8"));
        }
        return HttpResponse.ok(pivot);
    }

    /** The SQL, its parameters, the planner's steps and the database's EXPLAIN of a report. */
    @Post(uri = "/explain", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN}, produces = MediaType.APPLICATION_JSON)
    public ExplainResponse explain(@Body String body, HttpRequest<?> request, Authentication authentication)
            throws SQLException {
        return reports.explain(body, request.getContentType().orElse(MediaType.APPLICATION_JSON_TYPE),
                CallerScope.of(authentication, auth.accountsClaim()));
    }

    /**
     * A report in its JSON form, as {@code {"query": "<text>"}}, or as {@code text/plain}. Answers
     * JSON, or, by the Accept header, CSV or NDJSON streamed in constant memory.
     */
    @Post(uri = "/query", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN},
            produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_CSV, RowStreamer.NDJSON})
    public HttpResponse<?> query(@Body String body, HttpRequest<?> request, Authentication authentication)
            throws SQLException, java.io.IOException {
        MediaType contentType = request.getContentType().orElse(MediaType.APPLICATION_JSON_TYPE);
        CallerScope scope = CallerScope.of(authentication, auth.accountsClaim());
        MediaType format = streamed(request);
        try (CallerLimiter.Permit ignored = limiter.acquire(authentication.getName())) {
            if (format == null) {
                return HttpResponse.ok(reports.query(body, contentType, scope, Cancellation.of(request)));
            }
            // The permit covers starting the query; the stream then runs on its own connection.
            return HttpResponse.ok(new StreamedFile(reports.stream(body, contentType, scope, format), format))
                    .contentType(format);
        }
    }

    /** CSV or NDJSON when the client accepts it and not JSON first; null for JSON. */
    private static MediaType streamed(HttpRequest<?> request) {
        for (MediaType accepted : request.accept()) {
            String name = accepted.getName();
            if (name.equals(MediaType.APPLICATION_JSON)) {
                return null;
            }
            if (name.equals(MediaType.TEXT_CSV)) {
                return MediaType.of(MediaType.TEXT_CSV + ";charset=utf-8");
            }
            if (name.equals(RowStreamer.NDJSON)) {
                return MediaType.of(RowStreamer.NDJSON);
            }
        }
        return null;
    }
}
