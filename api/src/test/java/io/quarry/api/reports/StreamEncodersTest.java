package io.quarry.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.quarry.planner.model.ModelLoader;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.plan.Planner;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import io.quarry.testdb.TestDatabase;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.PGConnection;

/**
 * The stream encoders write exactly what Commons CSV and Jackson wrote before them, from rows read
 * on a real PostgreSQL in both of the driver's forms: text (raw bytes copied) and binary (a
 * statement prepared on the server, values through objects), for text that needs quoting or
 * escaping, multi-byte UTF-8, decimals that would print with an exponent, dates and nulls.
 */
class StreamEncodersTest {

    private static final String REPORT = "DIMENSIONS campaign.name, date.day METRICS impressions, ctr"
            + " WHERE date DURING LAST_7_DAYS TOTALS GRAND";
    private static final String ROWS = """
            SELECT name, day, impressions, ctr, level FROM (VALUES
              (1, 'Plain', DATE '2026-06-01', 1234567890123::bigint, 0.000000012345::numeric, 0),
              (2, '', DATE '2026-06-02', -5::bigint, 12.50::numeric, 0),
              (3, 'comma, "quoted"', DATE '2026-06-03', 0::bigint, 1::numeric, 0),
              (4, E'line\\nbreak\\r\\tand \\\\ backslash \\u0001', DATE '2026-06-04', 7::bigint, -0.5::numeric, 0),
              (5, ' leading space', DATE '2026-06-05', 8::bigint, 2::numeric, 0),
              (6, '#hash', DATE '2026-06-06', 9::bigint, 3::numeric, 0),
              (7, 'trailing ', DATE '2026-06-07', 10::bigint, 4::numeric, 0),
              (8, 'Zoë ✓ 🚀 «»', DATE '2026-06-08', 11::bigint, 5::numeric, 0),
              (9, NULL, NULL, NULL, NULL, ?)
            ) AS t(position, name, day, impressions, ctr, level)
            ORDER BY position""";

    private final PlannedQuery query = new Planner(ModelLoader.defaultModel(), Clock.systemUTC())
            .plan(new ReportParser().parseText(REPORT), TenantScope.of(Set.of(1L)), Map.of());
    private final int grand = query.report().totals().get(0).number();

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void csvIsWhatCommonsCsvWrote(boolean binary) throws Exception {
        assertThat(encode(binary, true)).isEqualTo(commonsCsv());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void ndjsonIsWhatJacksonWrote(boolean binary) throws Exception {
        assertThat(encode(binary, false)).isEqualTo(jackson());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void textFormColumnsAreCopiedAndBinaryOnesGoThroughObjects(boolean binary) throws Exception {
        try (Connection connection = connection(binary); ResultSet rows = rows(connection)) {
            StreamColumns columns = StreamColumns.of(query, rows);
            List<StreamColumns.Kind> kinds = List.of(columns.kind(0), columns.kind(1), columns.kind(2), columns.kind(3));
            assertThat(kinds).isEqualTo(binary
                    ? List.of(StreamColumns.Kind.TEXT, StreamColumns.Kind.OBJECT, StreamColumns.Kind.OBJECT,
                            StreamColumns.Kind.OBJECT)
                    : List.of(StreamColumns.Kind.TEXT, StreamColumns.Kind.DATE, StreamColumns.Kind.NUMBER,
                            StreamColumns.Kind.NUMBER));
        }
    }

    @Test
    void aPivotRecordIsWhatCommonsCsvWrote() throws Exception {
        List<Object> values = Arrays.asList("", "a, \"b\"", new BigDecimal("0.00000001"), 42L, null, true, " x",
                "Zoë");
        ByteOutput out = new ByteOutput(16);
        CsvEncoder.record(out, values);
        StringWriter expected = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(expected, CSVFormat.RFC4180)) {
            printer.printRecord(values.stream().map(v -> v instanceof BigDecimal d ? d.toPlainString() : v).toList());
        }
        assertThat(new String(out.array(), 0, out.size(), StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }

    private String encode(boolean binary, boolean csv) throws Exception {
        try (Connection connection = connection(binary); ResultSet rows = rows(connection)) {
            StreamColumns columns = StreamColumns.of(query, rows);
            RowEncoder encoder = csv ? new CsvEncoder(columns) : new NdjsonEncoder(columns);
            ByteOutput out = new ByteOutput(16);
            encoder.header(out);
            int count = 0;
            while (rows.next()) {
                encoder.row(rows, out);
                count++;
            }
            assertThat(count).isEqualTo(9);
            return new String(out.array(), 0, out.size(), StandardCharsets.UTF_8);
        }
    }

    /**
     * A new connection (the driver keeps forced binary transfers for good), reading in the text form
     * as a statement's first runs do, or in binary as a statement prepared on the server does.
     */
    private static Connection connection(boolean binary) throws Exception {
        TestDatabase database = TestDatabase.get();
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password());
        if (binary) {
            connection.unwrap(PGConnection.class).setPrepareThreshold(-1);
        }
        return connection;
    }

    private ResultSet rows(Connection connection) throws Exception {
        PreparedStatement statement = connection.prepareStatement(ROWS);
        statement.setInt(1, grand);
        statement.closeOnCompletion();
        return statement.executeQuery();
    }

    /** The rows as values: text, ISO dates, numbers, nulls, and the level's row type. */
    private List<List<Object>> expected() {
        List<List<Object>> rows = new ArrayList<>();
        String[] names = {"Plain", "", "comma, \"quoted\"", "line\nbreak\r\tand \\ backslash \u0001", " leading space",
            "#hash", "trailing ", "Zoë ✓ 🚀 «»"};
        String[] ctrs = {"0.000000012345", "12.50", "1", "-0.5", "2", "3", "4", "5"};
        long[] impressions = {1234567890123L, -5, 0, 7, 8, 9, 10, 11};
        for (int i = 0; i < names.length; i++) {
            rows.add(Arrays.asList(names[i], "2026-06-0" + (i + 1), impressions[i], new BigDecimal(ctrs[i]), "detail"));
        }
        rows.add(Arrays.asList(null, null, null, null, ReportResponses.levelKind(query, grand)));
        return rows;
    }

    private String commonsCsv() throws Exception {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader("campaign.name", "date.day", "impressions", "ctr", "row_type").get())) {
            for (List<Object> row : expected()) {
                printer.printRecord(row.stream().map(v -> v instanceof BigDecimal d ? d.toPlainString() : v).toList());
            }
        }
        return out.toString();
    }

    private String jackson() throws Exception {
        StringWriter out = new StringWriter();
        String[] names = {"campaign.name", "date.day", "impressions", "ctr", "row_type"};
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.setRootValueSeparator(null);
            for (List<Object> row : expected()) {
                json.writeStartObject();
                for (int i = 0; i < names.length; i++) {
                    json.writeFieldName(names[i]);
                    Object value = row.get(i);
                    if (value == null) {
                        json.writeNull();
                    } else if (value instanceof BigDecimal d) {
                        json.writeNumber(d.toPlainString());
                    } else if (value instanceof Long l) {
                        json.writeNumber(l);
                    } else {
                        json.writeString((String) value);
                    }
                }
                json.writeEndObject();
                json.writeRaw('\n');
            }
        }
        return out.toString();
    }
}
