package io.quarry.api.ingest;

import io.micronaut.core.annotation.Nullable;
import io.quarry.api.auth.IngestCaller;
import io.quarry.api.db.DirectDataSource;
import io.quarry.api.rollups.RollupMaintenance;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Applies one ingest batch, all or nothing: the body is read row by row as it arrives, each row
 * validated and streamed into COPY in one transaction with its idempotency key; the first
 * invalid row stops the COPY, up to {@code max-errors} row errors are collected, and nothing is
 * stored. A batch that stores rows marks its dataset's rollups dirty from its earliest row's time
 * in the same transaction, and has them refreshed soon after it commits. Memory stays constant in
 * the body's size (a line, a 64 KiB COPY buffer, eight bytes a row to locate database errors).
 */
@Singleton
public final class IngestService {

    /** The body formats, by Content-Type. */
    public enum Format { NDJSON, CSV }

    private static final int FLUSH_CHARS = 1 << 16;

    private final DirectDataSource database;
    private final IngestConfiguration configuration;
    private final IngestLimiter limiter;
    private final IngestMetrics metrics;
    private final RollupMaintenance rollups;

    IngestService(DirectDataSource database, IngestConfiguration configuration, IngestLimiter limiter,
                  IngestMetrics metrics, RollupMaintenance rollups) {
        this.database = database;
        this.configuration = configuration;
        this.limiter = limiter;
        this.metrics = metrics;
        this.rollups = rollups;
    }

    /** What a batch stored: its rows and the earliest partition-column time among them. */
    private record Stored(long rows, Instant earliest) {
    }

    /** Applies {@code body} to {@code table} for {@code caller}; throws {@link IngestException} when refused. */
    IngestResult ingest(IngestTable table, IngestCaller caller, Format format, InputStream body,
                        @Nullable String key) throws SQLException {
        long started = System.nanoTime();
        try (IngestLimiter.Permit permit = limiter.acquire(caller.subject())) {
            BoundedInput input = new BoundedInput(body, configuration.maxBodyBytes());
            IngestResult result;
            try {
                result = apply(table, caller, format, input, key);
            } catch (SQLException | RuntimeException e) {
                input.drain();
                throw e;
            }
            if (result.replayed()) {
                input.drain();
                metrics.replayed(table);
            } else {
                metrics.applied(table, result.rows(), System.nanoTime() - started);
            }
            return result;
        }
    }

    private IngestResult apply(IngestTable table, IngestCaller caller, Format format, BoundedInput input,
                               @Nullable String key) throws SQLException {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            CopyBatch batch = new CopyBatch(connection, table);
            try {
                try (Statement statement = connection.createStatement()) {
                    // Partition bounds print in UTC; COPY values carry their own offset (+00) anyway.
                    statement.execute("SET LOCAL TimeZone = 'UTC'");
                }
                if (key != null) {
                    Optional<IdempotencyKeys.Applied> applied = IdempotencyKeys.claim(connection, caller.subject(),
                            table.endpoint(), key);
                    if (applied.isPresent()) {
                        connection.rollback();
                        input.drain();
                        if (applied.get().body() != null && !Arrays.equals(applied.get().body(), input.sha256())) {
                            throw IngestException.keyReused(key, applied.get().rows());
                        }
                        return new IngestResult(table.endpoint(), applied.get().rows(), true);
                    }
                }
                PartitionRanges partitions = PartitionRanges.of(connection, table.table());
                batch.open();
                Stored stored = stream(table, caller, format, input, partitions, batch);
                if (key != null) {
                    input.drain();
                    IdempotencyKeys.applied(connection, caller.subject(), table.endpoint(), key, stored.rows(),
                            input.sha256());
                }
                if (stored.rows() > 0) {
                    rollups.markDirty(connection, table.table(), stored.earliest());
                }
                connection.commit();
                if (stored.rows() > 0) {
                    rollups.ingested(table.table());
                }
                return new IngestResult(table.endpoint(), stored.rows(), false);
            } catch (SQLException | RuntimeException e) {
                batch.abort();
                quietly(connection::rollback, e);
                throw e;
            } finally {
                quietly(() -> connection.setAutoCommit(true), null);
            }
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    /** Cleans up without hiding why the batch failed (a lost connection fails its rollback too). */
    private static void quietly(SqlAction action, Exception failure) {
        try {
            action.run();
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    /** Reads, validates and sends every row; returns what was stored or throws why nothing is. */
    private Stored stream(IngestTable table, IngestCaller caller, Format format, BoundedInput input,
                        PartitionRanges partitions, CopyBatch batch) throws SQLException {
        CharInput chars = new CharInput(input);
        RowSource source = format == Format.CSV ? new CsvRows(chars, table, configuration.maxLineBytes())
                : new NdjsonRows(chars, table, configuration.maxLineBytes());
        StringBuilder out = new StringBuilder(FLUSH_CHARS + 4096);
        RowValidator validator = new RowValidator(table, caller.caller().scope(), partitions, out);
        CopyErrors.LineIndex lines = new CopyErrors.LineIndex();
        List<RowError> errors = new ArrayList<>();
        int maxErrors = configuration.maxErrors();
        RawRow row = new RawRow(table.columns().size());
        try {
            errors.addAll(source.start());
            boolean readable = errors.isEmpty();
            while (readable && errors.size() < maxErrors && source.next(row)) {
                RowError error = validator.validate(row);
                if (error != null) {
                    errors.add(error);
                    out.setLength(0);
                } else if (!errors.isEmpty()) {
                    out.setLength(0);
                } else {
                    lines.add(row.line);
                    if (out.length() >= FLUSH_CHARS) {
                        batch.write(out);
                        out.setLength(0);
                    }
                }
            }
            if (errors.isEmpty() && out.length() > 0) {
                batch.write(out);
            }
        } catch (RowValidator.AccountNotPermittedException e) {
            throw IngestException.accountNotPermitted(e.line, e.account);
        } catch (CharInput.LineTooLongException | CsvRows.MalformedCsvException e) {
            errors.add(RowError.of("MALFORMED_ROW", source.line(), null, e.getMessage()));
        } catch (CharacterCodingException e) {
            errors.add(RowError.of("MALFORMED_ROW", source.line(), null, "the body is not valid UTF-8"));
        } catch (IOException e) {
            SQLException sql = CopyErrors.sqlCause(e).orElse(null);
            if (sql == null) {
                throw IngestException.badRequest("BODY_NOT_READABLE", "the body could not be read to its end",
                        "client");
            }
            throw CopyErrors.refusal(sql, lines).orElseThrow(() -> sql);
        }
        if (!errors.isEmpty()) {
            throw IngestException.invalidRows(errors, errors.size() >= maxErrors);
        }
        try {
            return new Stored(batch.finish(), Instant.EPOCH.plus(validator.earliest(), ChronoUnit.MICROS));
        } catch (IOException e) {
            SQLException sql = CopyErrors.sqlCause(e).orElseThrow(() -> new SQLException("COPY failed", "08006", e));
            throw CopyErrors.refusal(sql, lines).orElseThrow(() -> sql);
        } catch (SQLException e) {
            throw CopyErrors.refusal(e, lines).orElseThrow(() -> e);
        }
    }
}
