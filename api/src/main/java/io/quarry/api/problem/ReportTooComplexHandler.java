package io.quarry.api.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.quarry.api.metrics.QuarryMetrics;
import io.quarry.api.planning.PlanSafety.ReportTooComplexException;
import jakarta.inject.Singleton;

/** A report whose statement nests too deeply for the safety check to verify in time: 422. */
@Singleton
@Produces
@Requires(classes = ReportTooComplexException.class)
final class ReportTooComplexHandler implements ExceptionHandler<ReportTooComplexException, HttpResponse<Problem>> {

    private final QuarryMetrics metrics;

    ReportTooComplexHandler(QuarryMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ReportTooComplexException e) {
        return ProblemResponses.respond(metrics, HttpStatus.UNPROCESSABLE_ENTITY, Problem.of("REPORT_TOO_COMPLEX",
                "The report is too complex", 422, "its expressions nest too deeply for Quarry to check the planned"
                        + " statement within its time budget; use fewer terms or less nesting in its metrics and"
                        + " filters"));
    }
}
