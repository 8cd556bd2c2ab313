package io.quarry.api.reports;

import java.math.BigDecimal;
import java.util.List;

/**
 * About how many bytes of heap a cached result takes, for the cache's bound: object headers,
 * references and each value by its kind. An estimate, not a measurement; it errs on the high side.
 */
final class ResultWeight {

    private static final int ROW = 48;
    private static final int REFERENCE = 8;

    private ResultWeight() {
    }

    static int of(String sql, QueryResult result) {
        long bytes = 64 + 2L * sql.length();
        for (List<Object> row : result.rows()) {
            bytes += ROW + (long) REFERENCE * row.size();
            for (Object value : row) {
                bytes += value(value);
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private static long value(Object value) {
        if (value == null || value instanceof Boolean) {
            return 0;
        }
        if (value instanceof String text) {
            return 48 + text.length();
        }
        if (value instanceof BigDecimal decimal) {
            return 64 + decimal.precision() / 2;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Double) {
            return 24;
        }
        return 64 + value.toString().length();
    }
}
