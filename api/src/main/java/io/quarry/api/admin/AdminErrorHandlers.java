package io.quarry.api.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.quarry.api.auth.AdminNotPermittedException;
import io.quarry.api.metrics.QuarryMetrics;
import io.quarry.api.problem.Problem;
import io.quarry.api.problem.ProblemResponses;
import jakarta.inject.Singleton;

/** Admin refusals as {@code application/problem+json}, counted by code like every error. */
final class AdminErrorHandlers {

    private AdminErrorHandlers() {
    }

    /** A token without the admin role, refused while binding the controller's arguments. */
    @Singleton
    @Produces
    static final class NotPermitted implements ExceptionHandler<AdminNotPermittedException, HttpResponse<Problem>> {
        private final QuarryMetrics metrics;

        NotPermitted(QuarryMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, AdminNotPermittedException e) {
            return ProblemResponses.respond(metrics, HttpStatus.FORBIDDEN, Problem.of("ADMIN_NOT_PERMITTED",
                    "The caller is not an admin", 403, e.getMessage()));
        }
    }

    @Singleton
    @Produces
    static final class Refused implements ExceptionHandler<AdminException, HttpResponse<Problem>> {
        private final QuarryMetrics metrics;

        Refused(QuarryMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, AdminException e) {
            return ProblemResponses.respond(metrics, e.status, Problem.of(e.code, e.title, e.status.getCode(),
                    e.getMessage()));
        }
    }
}
