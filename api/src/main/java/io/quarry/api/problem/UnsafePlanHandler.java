package io.quarry.api.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.quarry.api.metrics.QuarryMetrics;
import io.quarry.api.planning.PlanSafety.UnsafePlanException;
import jakarta.inject.Singleton;

/** A plan the safety check refused: 500, without the statement (the log has the details). */
@Singleton
@Produces
@Requires(classes = UnsafePlanException.class)
final class UnsafePlanHandler implements ExceptionHandler<UnsafePlanException, HttpResponse<Problem>> {

    private final QuarryMetrics metrics;

    UnsafePlanHandler(QuarryMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, UnsafePlanException e) {
        return ProblemResponses.respond(metrics, HttpStatus.INTERNAL_SERVER_ERROR, Problem.of("UNSAFE_PLAN",
                "The report's plan was refused", 500, "the planned statement failed Quarry's safety check and was"
                        + " not run; this is a bug in Quarry, logged with the request id"));
    }
}
