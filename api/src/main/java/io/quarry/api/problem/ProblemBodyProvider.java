package io.quarry.api.problem;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import io.quarry.api.metrics.QuarryMetrics;
import jakarta.inject.Singleton;

/**
 * The body of every error the framework reports (unknown route, wrong method or media type, bad
 * body, missing or bad token): an {@code application/problem+json} problem, without internals.
 * Report errors have their own handlers with richer problems ({@link ReportErrorHandlers}).
 */
@Singleton
@Primary
public final class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    private final QuarryMetrics metrics;

    ProblemBodyProvider(QuarryMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String detail = context.getErrors().isEmpty() || status.getCode() >= 500
                ? null : context.getErrors().get(0).getMessage();
        String code = status.name();
        metrics.error(code);
        return Problem.of(code, status.getReason(), status.getCode(), detail);
    }

    @Override
    public String contentType() {
        return Problem.MEDIA_TYPE;
    }
}
