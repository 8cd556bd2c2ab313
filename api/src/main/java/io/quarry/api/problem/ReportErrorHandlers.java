package io.quarry.api.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.quarry.api.metrics.QuarryMetrics;
import io.quarry.planner.resolve.PlanningError;
import io.quarry.planner.resolve.PlanningException;
import io.quarry.ql.QueryLanguageException;
import jakarta.inject.Singleton;

/** Report errors as problem+json, located in the report. */
final class ReportErrorHandlers {

    private ReportErrorHandlers() {
    }

    /** A report that does not parse: 400 with line, column or JSON pointer and the expected tokens. */
    @Singleton
    @Produces
    @Requires(classes = QueryLanguageException.class)
    static final class Syntax implements ExceptionHandler<QueryLanguageException, HttpResponse<Problem>> {
        private final QuarryMetrics metrics;

        Syntax(QuarryMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, QueryLanguageException e) {
            return ProblemResponses.respond(metrics, HttpStatus.BAD_REQUEST, Problem.of("The report does not parse", 400,
                    Problem.Located.of(e)));
        }
    }

    /**
     * A report that does not plan: 422 with the location and suggestions; an account outside
     * the token's scope is 403.
     */
    @Singleton
    @Produces
    static final class Planning implements ExceptionHandler<PlanningException, HttpResponse<Problem>> {
        private final QuarryMetrics metrics;

        Planning(QuarryMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, PlanningException e) {
            boolean forbidden = e.code() == PlanningError.ACCOUNT_NOT_PERMITTED;
            HttpStatus status = forbidden ? HttpStatus.FORBIDDEN : HttpStatus.UNPROCESSABLE_ENTITY;
            return ProblemResponses.respond(metrics, status, Problem.of(forbidden ? "Account not permitted"
                    : "The report cannot be planned", status.getCode(), Problem.Located.of(e)));
        }
    }
}
