package io.quarry.api.reports;

import io.micronaut.scheduling.TaskExecutors;
import io.quarry.api.metrics.QuarryMetrics;
import io.quarry.planner.plan.PlannedQuery;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a report's rows as CSV or NDJSON in constant memory: a task on the blocking executor
 * reads the database cursor, encodes the rows into a buffer ({@link CsvEncoder}, {@link
 * NdjsonEncoder}) and hands each {@value #CHUNK_BYTES}-byte chunk to the HTTP response when it
 * asks for one ({@link RowStream}); when the client goes away or stops reading, the stream stops
 * and its transaction ends.
 */
@Singleton
public final class RowStreamer {

    public static final String NDJSON = "application/x-ndjson";
    static final int CHUNK_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(RowStreamer.class);

    private final ExecutorService executor;
    private final ExecutionConfiguration configuration;
    private final QuarryMetrics metrics;

    RowStreamer(@Named(TaskExecutors.BLOCKING) ExecutorService executor, ExecutionConfiguration configuration,
                QuarryMetrics metrics) {
        this.executor = executor;
        this.configuration = configuration;
        this.metrics = metrics;
    }

    /**
     * The rows of an open result as a CSV or NDJSON stream; the result is closed and the caller's
     * permit released when the stream ends, however it ends. A stream that fails after it
     * started (the database connection lost, a query error, the server shutting down) or whose
     * client stops reading for the idle time ends with an error for the HTTP response, which then
     * aborts the connection: the client never sees a clean end of a cut export.
     */
    RowStream stream(PlannedQuery query, OpenResult result, AnswerFormat format, CallerLimiter.Permit permit) {
        RowStream stream = new RowStream(configuration.streamIdleTimeout().toMillis());
        Runnable write = () -> {
            Exception failure = null;
            try (permit; result) {
                write(query, result.rows(), format, stream);
            } catch (IOException | SQLException | RuntimeException e) {
                failure = e;
            }
            if (failure == null) {
                stream.complete();
                return;
            }
            // Counted before the connection is aborted, so the count is there when the client sees the cut.
            String reason = failure instanceof RowStream.IdleException ? "idle"
                    : failure instanceof IOException ? "client" : "database";
            metrics.streamFailed(reason);
            stream.fail(failure);
            LOG.warn("Report stream ended early ({}): {}", reason, failure.getMessage());
        };
        try {
            executor.execute(write);
        } catch (RuntimeException e) {
            result.close();
            throw e;
        }
        return stream;
    }

    private static void write(PlannedQuery query, ResultSet rows, AnswerFormat format, RowStream stream)
            throws IOException, SQLException {
        StreamColumns columns = StreamColumns.of(query, rows);
        RowEncoder encoder = format == AnswerFormat.CSV ? new CsvEncoder(columns) : new NdjsonEncoder(columns);
        ByteOutput out = new ByteOutput(CHUNK_BYTES + CHUNK_BYTES / 4);
        encoder.header(out);
        while (rows.next()) {
            encoder.row(rows, out);
            if (out.size() >= CHUNK_BYTES) {
                stream.send(out.array(), out.size());
                out.clear();
            }
        }
        if (out.size() > 0) {
            stream.send(out.array(), out.size());
        }
    }
}
