package io.quarry.api.ingest;

import java.io.IOException;
import java.util.List;

/**
 * A body format's reader: rows one at a time into a reused {@link RawRow}, each with its line,
 * values placed by the target table's column index. One implementation per format
 * ({@link NdjsonRows}, {@link CsvRows}), chosen by the request's Content-Type.
 */
interface RowSource {

    /** Problems that make every row unreadable (a CSV header naming unknown columns); empty if none. */
    List<RowError> start() throws IOException;

    /** Reads the next row into {@code row}; false at the end of the body. */
    boolean next(RawRow row) throws IOException;

    /** The line the reader is on, for errors that are not one row's (invalid UTF-8). */
    long line();
}
