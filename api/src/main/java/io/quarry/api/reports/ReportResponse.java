package io.quarry.api.reports;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.quarry.planner.model.TimeGrain;
import io.quarry.planner.plan.OutputColumn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;

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

        /** The answer's description of a planned output column. */
        public static Column of(OutputColumn c) {
            return new Column(c.name(), c.label(), c.kind().name().toLowerCase(Locale.ROOT), c.type().label(),
                    c.format().label(), c.grain().map(TimeGrain::field).orElse(null), c.currency().orElse(null));
        }
    }

    /** A total row: its level ("grand", "subtotal", "row total"...) and its values in column order. */
    @Serdeable
    public record Total(String level, @Schema(ref = CELLS, requiredMode = REQUIRED) List<Object> values) {
    }

    /**
     * @param planMillis  parsing and planning time
     * @param queryMillis database time
     * @param rowCount    detail rows returned
     * @param totalRows   detail rows before OFFSET and LIMIT (after HAVING); null when unknown: a
     *                    page past the last row, or an unpaged report the row cap cut
     * @param offset      the report's OFFSET, null without one
     * @param limit       the report's LIMIT, null without one
     * @param truncated   whether the answer leaves detail rows out (OFFSET, LIMIT or the row cap),
     *                    as in pivot answers
     * @param cached      whether the result came from the cache or an identical concurrent request
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Meta(double planMillis, double queryMillis, int rowCount, @Nullable Long totalRows,
                       @Nullable Long offset, @Nullable Long limit, boolean truncated, boolean cached) {
    }
}
