package io.quarry.api.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.quarry.api.metrics.QuarryMetrics;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Database failures as problems, never with SQL or internals, whichever layer raised them (JDBC,
 * the pool, Micronaut Data, its transactions): a database that cannot be reached, was shut down
 * or dropped the connection mid-query is 503 {@code DATABASE_UNAVAILABLE} with Retry-After; no
 * free connection in a reachable database is 503 {@code DATABASE_BUSY}; a statement over its
 * timeout 504; anything else a logged 500.
 */
final class DatabaseFailures {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailures.class);

    /** Admin shutdown, crash shutdown, cannot connect now, too many connections, out of resources. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "53000");
    private static final String CLOSED = "Connection is closed";

    private DatabaseFailures() {
    }

    enum Kind { UNAVAILABLE, BUSY, TIMEOUT, OTHER }

    static Kind classify(Throwable failure) {
        boolean connectionLost = false;
        boolean poolTimeout = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() == null
                    && CLOSED.equals(sql.getMessage())) {
                connectionLost = true; // the pool's stand-in for a connection the database dropped
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("57014")) {
                    return Kind.TIMEOUT;
                }
                if (state.startsWith("08") || UNAVAILABLE_STATES.contains(state)) {
                    connectionLost = true;
                }
            }
            if (cause instanceof SQLTransientConnectionException) {
                poolTimeout = true;
            }
            if (cause instanceof IOException) {
                connectionLost = true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return connectionLost ? Kind.UNAVAILABLE : poolTimeout ? Kind.BUSY : Kind.OTHER;
    }

    static HttpResponse<Problem> respond(QuarryMetrics metrics, HttpRequest<?> request, Throwable failure) {
        return switch (classify(failure)) {
            case TIMEOUT -> ProblemResponses.respond(metrics, HttpStatus.GATEWAY_TIMEOUT, Problem.of("STATEMENT_TIMEOUT",
                    "The report took too long", 504, "the query ran longer than the statement timeout and was"
                            + " cancelled; narrow the date range or the accounts"));
            case UNAVAILABLE -> ProblemResponses.respond(metrics, HttpStatus.SERVICE_UNAVAILABLE,
                    Problem.of("DATABASE_UNAVAILABLE", "The database is unavailable", 503,
                            "the database cannot be reached right now; retry")).header("Retry-After", "2");
            case BUSY -> ProblemResponses.respond(metrics, HttpStatus.SERVICE_UNAVAILABLE, Problem.of("DATABASE_BUSY",
                    "The database is busy", 503, "no database connection is free; retry")).header("Retry-After", "1");
            case OTHER -> {
                LOG.error("Database failure on {} {}", request.getMethod(), request.getPath(), failure);
                yield ProblemResponses.respond(metrics, HttpStatus.INTERNAL_SERVER_ERROR, Problem.of("DATABASE_ERROR",
                        "The request failed", 500, null));
            }
        };
    }
}
