package io.quarry.api.reports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * NDJSON: one object per row keyed by column name, then a newline. Numbers are written as JSON
 * numbers in plain notation, text as JSON strings escaped as Jackson does (quote, backslash and
 * control characters; other UTF-8 as it is), looked up byte by byte in a table; the keys with
 * their quotes and colons are encoded once per stream.
 */
final class NdjsonEncoder implements RowEncoder {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ROW_TYPE = ",\"row_type\":\"".getBytes(StandardCharsets.US_ASCII);
    /** How a byte is written in a JSON string: 0 as it is, 'u' as a \\u escape, else backslash and this. */
    private static final byte[] ESCAPES = new byte[256];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 'u';
        }
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
    }

    private final StreamColumns columns;
    /** Per column: {@code {"name":} for the first, {@code ,"name":} after it. */
    private final byte[][] keys;

    NdjsonEncoder(StreamColumns columns) {
        this.columns = columns;
        List<String> names = columns.names();
        this.keys = new byte[columns.count()][];
        ByteOutput key = new ByteOutput(64);
        for (int i = 0; i < keys.length; i++) {
            key.clear();
            key.write(i == 0 ? '{' : ',');
            string(key, names.get(i).getBytes(StandardCharsets.UTF_8));
            key.write(':');
            keys[i] = Arrays.copyOf(key.array(), key.size());
        }
    }

    @Override
    public void header(ByteOutput out) {
        // NDJSON has no header
    }

    @Override
    public void row(ResultSet rows, ByteOutput out) throws SQLException {
        for (int i = 0; i < keys.length; i++) {
            out.write(keys[i]);
            switch (columns.kind(i)) {
                case NUMBER -> {
                    byte[] value = rows.getBytes(i + 1);
                    out.write(value == null ? NULL : value);
                }
                case DATE -> {
                    byte[] value = rows.getBytes(i + 1);
                    if (value == null) {
                        out.write(NULL);
                    } else {
                        out.write('"');
                        out.write(value);
                        out.write('"');
                    }
                }
                case TEXT -> {
                    byte[] value = rows.getBytes(i + 1);
                    if (value == null) {
                        out.write(NULL);
                    } else {
                        string(out, value);
                    }
                }
                case OBJECT -> value(out, JsonValues.of(rows.getObject(i + 1)));
            }
        }
        if (columns.totals()) {
            out.write(ROW_TYPE);
            out.write(columns.rowType(rows));
            out.write('"');
        }
        out.write('}');
        out.write('\n');
    }

    private static void value(ByteOutput out, Object value) {
        if (value == null) {
            out.write(NULL);
        } else if (value instanceof BigDecimal decimal) {
            out.write(decimal.toPlainString().getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof Number || value instanceof Boolean) {
            out.write(value.toString().getBytes(StandardCharsets.US_ASCII));
        } else {
            string(out, value.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** UTF-8 text as a JSON string: runs of plain bytes are copied, the others escaped. */
    private static void string(ByteOutput out, byte[] value) {
        out.write('"');
        int start = 0;
        for (int i = 0; i < value.length; i++) {
            byte escape = ESCAPES[value[i] & 0xff];
            if (escape != 0) {
                out.write(value, start, i - start);
                out.write('\\');
                out.write(escape);
                if (escape == 'u') {
                    out.write('0');
                    out.write('0');
                    out.write(HEX[value[i] >> 4]);
                    out.write(HEX[value[i] & 0xf]);
                }
                start = i + 1;
            }
        }
        out.write(value, start, value.length - start);
        out.write('"');
    }
}
