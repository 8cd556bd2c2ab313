package io.quarry.api.reports;

import java.util.List;

/**
 * The rows a report's query returned, values in column order (at most one more than the row
 * cap, so truncation shows), how long the database took, and whether the rows came from the
 * cache or from an identical request running at the same time.
 */
record QueryResult(List<List<Object>> rows, double queryMillis, boolean cached) {

    QueryResult {
        rows = List.copyOf(rows);
    }

    QueryResult fromCache() {
        return new QueryResult(rows, 0, true);
    }
}
