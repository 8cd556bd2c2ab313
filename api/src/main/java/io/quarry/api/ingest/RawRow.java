package io.quarry.api.ingest;

/**
 * One row as a parser read it, before validation: its line in the body and a raw value per
 * column of the target table (null when the row leaves the column out or gives JSON null), or the
 * reason the row could not be read at all. Reused from row to row by its parser.
 */
final class RawRow {

    /** What a raw value was in the source: CSV gives only strings; JSON any of these. */
    enum Kind { STRING, NUMBER, BOOLEAN, OBJECT, ARRAY }

    final String[] values;
    final Kind[] kinds;
    long line;
    /** Set when the row could not be read (malformed JSON, unknown column, wrong field count). */
    RowError problem;

    RawRow(int columns) {
        this.values = new String[columns];
        this.kinds = new Kind[columns];
    }

    void reset(long line) {
        this.line = line;
        this.problem = null;
        java.util.Arrays.fill(values, null);
        java.util.Arrays.fill(kinds, null);
    }

    void set(int column, String value, Kind kind) {
        values[column] = value;
        kinds[column] = kind;
    }
}
