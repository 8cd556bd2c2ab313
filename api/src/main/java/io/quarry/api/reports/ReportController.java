package io.quarry.api.reports;

import io.micronaut.http.HttpRequest;
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

    ReportController(ReportService reports, AuthConfiguration auth) {
        this.reports = reports;
        this.auth = auth;
    }

    /** A report in its JSON form, as {@code {"query": "<text>"}}, or as {@code text/plain}. */
    @Post(uri = "/query", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN}, produces = MediaType.APPLICATION_JSON)
    public ReportResponse query(@Body String body, HttpRequest<?> request, Authentication authentication)
            throws SQLException {
        return reports.query(body, request.getContentType().orElse(MediaType.APPLICATION_JSON_TYPE),
                CallerScope.of(authentication, auth.accountsClaim()));
    }
}
