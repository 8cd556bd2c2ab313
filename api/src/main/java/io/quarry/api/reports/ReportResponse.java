package io.quarry.api.reports;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answer to {@code POST /api/v1/reports/query}: the columns, the detail rows (arrays in
 * column order), total rows (with the level they summarise), and meta data.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReportResponse(List<Column> columns,
                             @Schema(ref = ROWS, requiredMode = REQUIRED) List<List<Object>> rows,
                             List<Total> totals, Meta meta) {

    /** The OpenAPI schemas of a row of values and of rows (src/main/openapi). */
    public static final String CELLS = "#/components/schemas/CellValues";
    public static final String ROWS = "#/components/schemas/CellRows";

    /**
     * A result column: name, label, kind (dimension or metric), type and display format; the time
     * grain of a time dimension's values (day, week, month, quarter, year) and the ISO currency
     * code of a money column's amounts, null where they do not apply or the currency is unknown.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Column(String name, String label, String kind, String type, String format, @Nullable String grain,
                         @Nullable String currency) {
    }

    /** A total row: its level ("grand", "subtotal", "row total"...) and its values in column order. */
    @Serdeable
    public record Total(String level, @Schema(ref = CELLS, requiredMode = REQUIRED) List<Object> values) {
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
