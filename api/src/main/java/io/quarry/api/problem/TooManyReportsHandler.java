package io.quarry.api.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.quarry.api.metrics.QuarryMetrics;
import io.quarry.api.reports.CallerLimiter.TooManyReportsException;
import jakarta.inject.Singleton;

/** Over the per-caller concurrency limit: 429 with Retry-After. */
@Singleton
@Produces
final class TooManyReportsHandler implements ExceptionHandler<TooManyReportsException, HttpResponse<Problem>> {

    private final QuarryMetrics metrics;

    TooManyReportsHandler(QuarryMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, TooManyReportsException e) {
        MutableHttpResponse<Problem> response = ProblemResponses.respond(metrics,
                HttpStatus.TOO_MANY_REQUESTS, Problem.of("TOO_MANY_REPORTS", "Too many reports at once", 429,
                        e.getMessage()));
        return response.header("Retry-After", "1");
    }
}
