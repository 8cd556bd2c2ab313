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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.quarry.api.auth.AuthConfiguration;
import io.quarry.api.auth.CallerScope;
import java.io.IOException;
import java.sql.SQLException;

/** Runs reports for the caller's accounts: the tenant scope comes only from the bearer token. */
@Controller("/api/v1/reports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReportController {

    private final ReportService reports;
    private final ReportResponder responder;
    private final AuthConfiguration auth;

    ReportController(ReportService reports, ReportResponder responder, AuthConfiguration auth) {
        this.reports = reports;
        this.responder = responder;
        this.auth = auth;
    }

    /** A report with PIVOT BY, as a pivot table: JSON, or a wide CSV by the Accept header. */
    @Post(uri = "/pivot", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN},
            produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_CSV})
    public HttpResponse<?> pivot(@Body String body, HttpRequest<?> request, Authentication authentication)
            throws SQLException, IOException {
        CallerScope scope = CallerScope.of(authentication, auth.accountsClaim());
        return responder.pivot(request, authentication.getName(), () -> reports.plan(body, contentType(request), scope));
    }

    /** The SQL, its parameters, the planner's steps and the database's EXPLAIN of a report. */
    @Post(uri = "/explain", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN}, produces = MediaType.APPLICATION_JSON)
    public ExplainResponse explain(@Body String body, HttpRequest<?> request, Authentication authentication)
            throws SQLException {
        return reports.explain(body, contentType(request), CallerScope.of(authentication, auth.accountsClaim()));
    }

    /**
     * A report in its JSON form, as {@code {"query": "<text>"}}, or as {@code text/plain}. Answers
     * JSON, or, by the Accept header, CSV or NDJSON streamed in constant memory.
     */
    @Post(uri = "/query", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN},
            produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_CSV, RowStreamer.NDJSON})
    public HttpResponse<?> query(@Body String body, HttpRequest<?> request, Authentication authentication)
            throws SQLException, IOException {
        CallerScope scope = CallerScope.of(authentication, auth.accountsClaim());
        return responder.rows(request, authentication.getName(), () -> reports.plan(body, contentType(request), scope));
    }

    private static MediaType contentType(HttpRequest<?> request) {
        return request.getContentType().orElse(MediaType.APPLICATION_JSON_TYPE);
    }
}
