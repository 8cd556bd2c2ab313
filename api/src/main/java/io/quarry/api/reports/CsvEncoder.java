package io.quarry.api.reports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * CSV as RFC 4180 writes it (comma, CRLF after each record) with minimal quoting, the rules of
 * Commons CSV's {@code RFC4180} format: a field is quoted when it holds a comma, a quote, CR or LF,
 * starts with a character up to {@code '#'} or ends with one up to a space, or is an empty first
 * field (a null is written as nothing). The rules look at single bytes of UTF-8, whose multi-byte
 * characters never match, through a table, and unquoted text is copied as it is.
 */
final class CsvEncoder implements RowEncoder {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final boolean[] SPECIAL = new boolean[256];

    static {
        for (char c : new char[] {',', '"', '\r', '\n'}) {
            SPECIAL[c] = true;
        }
    }

    private final StreamColumns columns;

    CsvEncoder(StreamColumns columns) {
        this.columns = columns;
    }

    @Override
    public void header(ByteOutput out) {
        List<String> names = columns.names();
        for (int i = 0; i < names.size(); i++) {
            field(out, names.get(i), i == 0);
        }
        if (columns.totals()) {
            field(out, "row_type", false);
        }
        out.write(CRLF);
    }

    @Override
    public void row(ResultSet rows, ByteOutput out) throws SQLException {
        int count = columns.count();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.write(',');
            }
            switch (columns.kind(i)) {
                case NUMBER, DATE -> {
                    byte[] value = rows.getBytes(i + 1);
                    if (value != null) {
                        out.write(value);
                    }
                }
                case TEXT -> {
                    byte[] value = rows.getBytes(i + 1);
                    if (value != null) {
                        text(out, value, i == 0);
                    }
                }
                case OBJECT -> value(out, JsonValues.of(rows.getObject(i + 1)), i == 0);
            }
        }
        if (columns.totals()) {
            out.write(',');
            out.write(columns.rowType(rows));
        }
        out.write(CRLF);
    }

    /** A record of values (text, numbers, booleans, nulls), as {@link #row} writes a row. */
    static void record(ByteOutput out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            field(out, values.get(i), i == 0);
        }
        out.write(CRLF);
    }

    private static void field(ByteOutput out, Object value, boolean first) {
        if (!first) {
            out.write(',');
        }
        value(out, value, first);
    }

    private static void value(ByteOutput out, Object value, boolean first) {
        if (value instanceof BigDecimal decimal) {
            out.write(decimal.toPlainString().getBytes(StandardCharsets.US_ASCII));
        } else if (value != null) {
            text(out, value.toString().getBytes(StandardCharsets.UTF_8), first);
        }
    }

    /** UTF-8 text as a field, quoted (its quotes doubled) when the rules say so. */
    private static void text(ByteOutput out, byte[] value, boolean first) {
        if (!quoted(value, first)) {
            out.write(value);
            return;
        }
        out.write('"');
        int start = 0;
        for (int i = 0; i < value.length; i++) {
            if (value[i] == '"') {
                out.write(value, start, i + 1 - start);
                start = i; // the quote is written again, doubled
            }
        }
        out.write(value, start, value.length - start);
        out.write('"');
    }

    private static boolean quoted(byte[] value, boolean first) {
        int length = value.length;
        if (length == 0) {
            return first;
        }
        if ((value[0] & 0xff) <= '#' || (value[length - 1] & 0xff) <= ' ') {
            return true;
        }
        for (byte b : value) {
            if (SPECIAL[b & 0xff]) {
                return true;
            }
        }
        return false;
    }
}
