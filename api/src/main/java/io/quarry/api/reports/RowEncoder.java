package io.quarry.api.reports;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Writes a streamed report in one format (CSV, NDJSON): its header, then each row of the cursor. */
sealed interface RowEncoder permits CsvEncoder, NdjsonEncoder {

    void header(ByteOutput out);

    /** The cursor's current row. */
    void row(ResultSet rows, ByteOutput out) throws SQLException;
}
