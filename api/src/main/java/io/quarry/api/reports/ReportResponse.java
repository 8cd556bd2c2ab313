package io.quarry.api.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The answer to {@code POST /api/v1/reports/query}: the columns, the detail rows (arrays in
 * column order), total rows (with the level they summarise), and meta data.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReportResponse(List<Column> columns, List<List<Object>> rows, List<Total> totals, Meta meta) {

    /** A result column: name, label, kind (dimension or metric), type and display format. */
    @Serdeable
    public record Column(String name, String label, String kind, String type, String format) {
    }

    /** A total row: its level ("grand", "subtotal", "row total"...) and its values in column order. */
    @Serdeable
    public record Total(String level, List<Object> values) {
    }

    /**
     * @param planMillis  parsing and planning time
     * @param queryMillis database time
     * @param rowCount    detail rows returned
     * @param truncated   whether LIMIT cut the result (more rows exist)
     * @param cached      whether the result came from the cache or an identical concurrent request
     */
    @Serdeable
    public record Meta(double planMillis, double queryMillis, int rowCount, boolean truncated, boolean cached) {
    }
}
