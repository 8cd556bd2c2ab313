package io.quarry.api.saved;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.quarry.api.metrics.QuarryMetrics;
import io.quarry.api.problem.Problem;
import io.quarry.api.problem.ProblemResponses;
import jakarta.inject.Singleton;

/** Saved-report errors (not found, version conflict, invalid definition, ...) as problem+json. */
@Singleton
@Produces
final class SavedReportErrorHandler implements ExceptionHandler<SavedReportException, HttpResponse<Problem>> {

    private final QuarryMetrics metrics;

    SavedReportErrorHandler(QuarryMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, SavedReportException e) {
        return ProblemResponses.respond(metrics, e.status(), e.problem());
    }
}
