package io.quarry.api.ingest;

import io.quarry.api.ingest.RawRow.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CSV rows (RFC 4180): a header line naming the columns, then one record per line; fields may be
 * quoted ({@code "a, ""b"""}) and a quoted field may span lines. An empty field is absent (NULL,
 * or the column's default). A small state machine rather than a CSV library, so a record is
 * bounded by the line limit as it is read, and every record keeps the line it starts on.
 */
final class CsvRows implements RowSource {

    private final CharInput input;
    private final IngestTable table;
    private final int maxRecordChars;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder(64);
    private int[] columns = new int[0];
    private String[] names = new String[0];

    CsvRows(CharInput input, IngestTable table, int maxRecordChars) {
        this.input = input;
        this.table = table;
        this.maxRecordChars = maxRecordChars;
    }

    @Override
    public long line() {
        return input.line();
    }

    @Override
    public List<RowError> start() throws IOException {
        List<RowError> errors = new ArrayList<>();
        if (!record()) {
            return errors;
        }
        names = fields.toArray(String[]::new);
        columns = new int[names.length];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.length; i++) {
            String name = (i == 0 && names[i].startsWith("\uFEFF") ? names[i].substring(1) : names[i]).strip();
            names[i] = name;
            columns[i] = table.index(name);
            if (columns[i] < 0) {
                errors.add(RowError.of("UNKNOWN_COLUMN", 1, name, "unknown column '" + name + "' for "
                        + table.table() + "; the columns are " + table.names()));
            } else if (!seen.add(name)) {
                errors.add(RowError.of("DUPLICATE_COLUMN", 1, name, "the header names '" + name + "' twice"));
            }
        }
        for (IngestTable.Column column : table.columns()) {
            if (column.required() && !seen.contains(column.name())) {
                errors.add(RowError.of("MISSING_COLUMN", 1, column.name(), "the header lacks the required column '"
                        + column.name() + "'"));
            }
        }
        return errors;
    }

    @Override
    public boolean next(RawRow row) throws IOException {
        while (true) {
            long line = input.line();
            if (!record()) {
                return false;
            }
            if (fields.size() == 1 && fields.get(0).isEmpty()) {
                continue; // a blank line
            }
            row.reset(line);
            if (fields.size() != columns.length) {
                row.problem = RowError.of("MALFORMED_ROW", line, null, "the record has " + fields.size()
                        + " fields; the header has " + columns.length);
                return true;
            }
            for (int i = 0; i < columns.length; i++) {
                String value = fields.get(i);
                if (!value.isEmpty()) {
                    row.set(columns[i], value, Kind.STRING);
                }
            }
            return true;
        }
    }

    /** Reads one record's fields; false at the end of the body. */
    private boolean record() throws IOException {
        fields.clear();
        field.setLength(0);
        int length = 0;
        int c = input.read();
        if (c < 0) {
            return false;
        }
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (++length > maxRecordChars) {
                throw new CharInput.LineTooLongException(maxRecordChars);
            }
            if (quoted) {
                if (c < 0) {
                    throw new MalformedCsvException("a quoted field is not closed before the end of the body");
                }
                if (c == '"') {
                    int next = input.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = next;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',' || c == '\n' || c < 0) {
                String value = field.toString();
                if (!wasQuoted && c == '\n' && value.endsWith("\r")) {
                    value = value.substring(0, value.length() - 1);
                }
                fields.add(value);
                field.setLength(0);
                wasQuoted = false;
                if (c != ',') {
                    return true;
                }
            } else if (wasQuoted && c != '\r') {
                throw new MalformedCsvException("a character follows a closing quote; quote the whole field");
            } else if (!wasQuoted) {
                field.append((char) c);
            }
            c = input.read();
        }
    }

    /** CSV that cannot be split into records: the rest of the body cannot be read reliably. */
    static final class MalformedCsvException extends IOException {
        MalformedCsvException(String message) {
            super(message);
        }
    }
}
