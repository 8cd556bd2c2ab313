package io.quarry.api.reports;

import io.micronaut.http.MediaType;

/** A report's answer, before it becomes an HTTP response. */
public sealed interface Answer {

    /** Rows as JSON. */
    record Rows(ReportResponse response) implements Answer {
    }

    /** A pivot table, as JSON or a wide CSV. */
    record Pivot(PivotResponse response, boolean csv) implements Answer {
    }

    /** Rows streamed as CSV or NDJSON while the query runs. */
    record Stream(RowStream body, MediaType mediaType) implements Answer {
    }
}
