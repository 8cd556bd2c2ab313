package io.quarry.api.reports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.micronaut.scheduling.TaskExecutors;
import io.quarry.api.metrics.QuarryMetrics;
import io.quarry.planner.plan.OutputColumn;
import io.quarry.planner.plan.PlannedQuery;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a report's rows as CSV or NDJSON in constant memory: a background task reads the
 * database cursor and writes into a {@link StreamPipe} of {@value #PIPE_BYTES} bytes that the
 * HTTP response drains; when the client goes away or stops reading, the query is cancelled.
 */
@Singleton
public final class RowStreamer {

    public static final String NDJSON = "application/x-ndjson";
    static final int PIPE_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(RowStreamer.class);
    private static final JsonFactory JSON = new JsonFactory();

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
    InputStream stream(PlannedQuery query, OpenResult result, AnswerFormat format, CallerLimiter.Permit permit) {
        StreamPipe pipe = new StreamPipe(PIPE_BYTES, configuration.streamIdleTimeout().toMillis());
        boolean csv = format == AnswerFormat.CSV;
        Runnable write = () -> {
            try (permit; result) {
                try (Writer writer = new BufferedWriter(new OutputStreamWriter(pipe.sink(), StandardCharsets.UTF_8),
                        16 * 1024)) {
                    if (csv) {
                        writeCsv(query, result.rows(), writer);
                    } else {
                        writeNdjson(query, result.rows(), writer);
                    }
                }
                pipe.finish();
            } catch (IOException | SQLException | RuntimeException e) {
                result.cancel();
                pipe.fail(e);
                String reason = e instanceof StreamPipe.IdleException ? "idle" : e instanceof IOException ? "client"
                        : "database";
                metrics.streamFailed(reason);
                LOG.warn("Report stream ended early ({}): {}", reason, e.getMessage());
            }
        };
        try {
            executor.execute(write);
        } catch (RuntimeException e) {
            result.close();
            throw e;
        }
        return pipe.body();
    }

    private static void writeCsv(PlannedQuery query, ResultSet rows, Writer writer) throws IOException, SQLException {
        List<String> header = new ArrayList<>(query.columns().stream().map(OutputColumn::name).toList());
        boolean totals = !query.report().totals().isEmpty();
        if (totals) {
            header.add("row_type");
        }
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new))
                .get())) {
            int columns = query.columns().size();
            Text[] text = textForms(rows.getMetaData(), columns);
            List<Object> values = new ArrayList<>(columns + 1);
            while (rows.next()) {
                values.clear();
                for (int i = 1; i <= columns; i++) {
                    if (text[i - 1] != Text.NONE) {
                        values.add(rows.getString(i));
                    } else {
                        Object value = JsonValues.of(rows.getObject(i));
                        values.add(value instanceof BigDecimal d ? d.toPlainString() : value);
                    }
                }
                if (totals) {
                    values.add(rowType(query, rows.getInt(columns + 1)));
                }
                printer.printRecord(values);
            }
        }
    }

    private static void writeNdjson(PlannedQuery query, ResultSet rows, Writer writer) throws IOException, SQLException {
        List<OutputColumn> columns = query.columns();
        boolean totals = !query.report().totals().isEmpty();
        Text[] text = textForms(rows.getMetaData(), columns.size());
        try (JsonGenerator json = JSON.createGenerator(writer)) {
            json.setRootValueSeparator(null);
            while (rows.next()) {
                json.writeStartObject();
                for (int i = 0; i < columns.size(); i++) {
                    json.writeFieldName(columns.get(i).name());
                    String value = text[i] == Text.NONE ? null : rows.getString(i + 1);
                    if (text[i] == Text.NONE) {
                        write(json, JsonValues.of(rows.getObject(i + 1)));
                    } else if (value == null) {
                        json.writeNull();
                    } else if (text[i] == Text.NUMBER) {
                        json.writeNumber(value);
                    } else {
                        json.writeString(value);
                    }
                }
                if (totals) {
                    json.writeStringField("row_type", rowType(query, rows.getInt(columns.size() + 1)));
                }
                json.writeEndObject();
                json.writeRaw('\n');
            }
        }
    }

    /**
     * How each column can be written straight from PostgreSQL's text form, which for these types
     * is exactly what the value objects would print (plain decimals, no exponent): numbers and
     * strings skip the conversion to objects and back. Other types go through {@link JsonValues}.
     */
    enum Text { NUMBER, STRING, NONE }

    private static Text[] textForms(ResultSetMetaData metadata, int columns) throws SQLException {
        Text[] forms = new Text[columns];
        for (int i = 0; i < columns; i++) {
            forms[i] = switch (metadata.getColumnType(i + 1)) {
                case Types.NUMERIC, Types.DECIMAL, Types.BIGINT, Types.INTEGER, Types.SMALLINT -> Text.NUMBER;
                case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR -> Text.STRING;
                default -> Text.NONE;
            };
        }
        return forms;
    }

    private static void write(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof BigDecimal d) {
            json.writeNumber(d);
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            json.writeString(value.toString());
        }
    }

    private static String rowType(PlannedQuery query, int level) {
        return ReportResponses.levelKind(query, level);
    }
}
