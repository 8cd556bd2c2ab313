package io.quarry.api.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.quarry.api.auth.NoAccountsException;
import io.quarry.api.metrics.QuarryMetrics;
import jakarta.inject.Singleton;

/** A verified token that names no account it may read: 403, saying what is wrong with the claim. */
@Singleton
@Produces
final class NoAccountsHandler implements ExceptionHandler<NoAccountsException, HttpResponse<Problem>> {

    private final QuarryMetrics metrics;

    NoAccountsHandler(QuarryMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, NoAccountsException e) {
        return ProblemResponses.respond(metrics, HttpStatus.FORBIDDEN, Problem.of("NO_ACCOUNTS",
                "The caller may read no account", 403, e.getMessage()));
    }
}
