package io.quarry.api.problem;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.transaction.exceptions.TransactionException;
import io.quarry.api.metrics.QuarryMetrics;
import jakarta.inject.Singleton;
import java.sql.SQLException;

/** The exceptions each database layer raises, all answered by {@link DatabaseFailures}. */
final class DatabaseErrorHandlers {

    private DatabaseErrorHandlers() {
    }

    /** JDBC, in report execution, health and demo loading. */
    @Singleton
    @Produces
    static final class Jdbc implements ExceptionHandler<SQLException, HttpResponse<Problem>> {
        private final QuarryMetrics metrics;

        Jdbc(QuarryMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, SQLException e) {
            return DatabaseFailures.respond(metrics, request, e);
        }
    }

    /** Micronaut Data repositories (saved reports). */
    @Singleton
    @Produces
    static final class DataAccess implements ExceptionHandler<DataAccessException, HttpResponse<Problem>> {
        private final QuarryMetrics metrics;

        DataAccess(QuarryMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, DataAccessException e) {
            return DatabaseFailures.respond(metrics, request, e);
        }
    }

    /** Connections Micronaut Data cannot prepare (a connection the database dropped). */
    @Singleton
    @Produces
    static final class Connections implements ExceptionHandler<ConnectionException, HttpResponse<Problem>> {
        private final QuarryMetrics metrics;

        Connections(QuarryMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ConnectionException e) {
            return DatabaseFailures.respond(metrics, request, e);
        }
    }

    /** Connections taken for Micronaut Data's transactions ("Failed to obtain JDBC Connection"). */
    @Singleton
    @Produces
    static final class JdbcConnections implements ExceptionHandler<CannotGetJdbcConnectionException,
            HttpResponse<Problem>> {
        private final QuarryMetrics metrics;

        JdbcConnections(QuarryMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, CannotGetJdbcConnectionException e) {
            return DatabaseFailures.respond(metrics, request, e);
        }
    }

    /** Transactions of saved-report writes that cannot begin or commit. */
    @Singleton
    @Produces
    static final class Transactions implements ExceptionHandler<TransactionException, HttpResponse<Problem>> {
        private final QuarryMetrics metrics;

        Transactions(QuarryMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, TransactionException e) {
            return DatabaseFailures.respond(metrics, request, e);
        }
    }
}
