package io.quarry.api.reports;

import io.quarry.planner.plan.OutputColumn;
import io.quarry.planner.plan.PlannedQuery;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGResultSetMetaData;

/**
 * How a stream reads each column of a report's cursor. Numbers, text and dates that arrive in
 * PostgreSQL's text form are taken as their raw UTF-8 bytes, which are exactly what the value
 * objects would print (plain decimals without exponent; ISO dates, the driver's fixed DateStyle),
 * without decoding them into objects and back. Other types, and columns the driver receives in
 * binary (from a statement it prepared on the server), go through {@link JsonValues}. A report
 * with totals has a level column after its own, which gives each row's {@code row_type}.
 */
final class StreamColumns {

    /**
     * How a column is read and written: raw number, raw ISO date (never quoted in CSV, never
     * escaped in JSON), raw text, or a value object.
     */
    enum Kind { NUMBER, DATE, TEXT, OBJECT }

    private static final int TEXT_FORMAT = 0;

    private final PlannedQuery query;
    private final List<String> names;
    private final Kind[] kinds;
    private final boolean totals;
    private final Map<Integer, byte[]> rowTypes = new HashMap<>();

    private StreamColumns(PlannedQuery query, Kind[] kinds) {
        this.query = query;
        this.names = query.columns().stream().map(OutputColumn::name).toList();
        this.kinds = kinds;
        this.totals = !query.report().totals().isEmpty();
    }

    static StreamColumns of(PlannedQuery query, ResultSet rows) throws SQLException {
        ResultSetMetaData metadata = rows.getMetaData();
        PGResultSetMetaData postgres = metadata.isWrapperFor(PGResultSetMetaData.class)
                ? metadata.unwrap(PGResultSetMetaData.class) : null;
        Kind[] kinds = new Kind[query.columns().size()];
        for (int i = 0; i < kinds.length; i++) {
            boolean text = postgres != null && postgres.getFormat(i + 1) == TEXT_FORMAT;
            kinds[i] = !text ? Kind.OBJECT : switch (metadata.getColumnType(i + 1)) {
                case Types.NUMERIC, Types.DECIMAL, Types.BIGINT, Types.INTEGER, Types.SMALLINT -> Kind.NUMBER;
                case Types.DATE -> Kind.DATE;
                case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR -> Kind.TEXT;
                default -> Kind.OBJECT;
            };
        }
        return new StreamColumns(query, kinds);
    }

    /** The report's column names (without {@code row_type}). */
    List<String> names() {
        return names;
    }

    int count() {
        return kinds.length;
    }

    Kind kind(int column) {
        return kinds[column];
    }

    /** Whether rows carry a {@code row_type} (the report has totals). */
    boolean totals() {
        return totals;
    }

    /** The current row's {@code row_type} (detail, or its total level's kind), as ASCII. */
    byte[] rowType(ResultSet rows) throws SQLException {
        return rowTypes.computeIfAbsent(rows.getInt(kinds.length + 1),
                level -> ReportResponses.levelKind(query, level).getBytes(StandardCharsets.UTF_8));
    }
}
