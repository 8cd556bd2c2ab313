package io.quarry.api.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.quarry.api.metrics.QuarryMetrics;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Database failures as problems, never with SQL or internals: a statement over its timeout is
 * 504; no free connection (the pool is saturated) or a database refusing connections is 503
 * with Retry-After; anything else is a logged 500.
 */
@Singleton
@Produces
final class DatabaseErrorHandler implements ExceptionHandler<SQLException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseErrorHandler.class);

    private final QuarryMetrics metrics;

    DatabaseErrorHandler(QuarryMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("57014")) {
            return ProblemResponses.respond(metrics, HttpStatus.GATEWAY_TIMEOUT, Problem.of("STATEMENT_TIMEOUT",
                    "The report took too long", 504, "the query ran longer than the statement timeout and was"
                            + " cancelled; narrow the date range or the accounts"));
        }
        if (e instanceof SQLTransientConnectionException || state.startsWith("08") || state.equals("53300")) {
            return ProblemResponses.respond(metrics, HttpStatus.SERVICE_UNAVAILABLE, Problem.of("DATABASE_BUSY",
                    "The database is busy", 503, "no database connection is free; retry")).header("Retry-After", "1");
        }
        LOG.error("Report query failed (SQLSTATE {}) on {} {}", state, request.getMethod(), request.getPath(), e);
        return ProblemResponses.respond(metrics, HttpStatus.INTERNAL_SERVER_ERROR, Problem.of("DATABASE_ERROR",
                "The report failed", 500, null));
    }
}
