package io.quarry.api.reports;

import static io.quarry.api.reports.ReportResponse.CELLS;
import static io.quarry.api.reports.ReportResponse.ROWS;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answer to {@code POST /api/v1/reports/pivot}: row headers, column headers, cells (one value
 * per metric), row totals, column totals and the grand total, all recomputed at their own grain.
 * The row and column dimensions and the metrics are described like {@code /query}'s columns
 * (label, type, format, time grain, currency), and every header value has a display label by its
 * grain ({@code 2026-08} for a month). Empty lists are written (a pivot with no rows has
 * {@code "rows": []}), not left out.
 *
 * @param columnLabels the display labels of {@code columns}, in the same shape
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PivotResponse(List<ReportResponse.Column> rowDimensions, List<ReportResponse.Column> columnDimensions,
                            List<ReportResponse.Column> metrics,
                            @Schema(ref = ROWS, requiredMode = REQUIRED) List<List<Object>> columns,
                            List<List<String>> columnLabels,
                            List<Row> rows,
                            @Schema(ref = ROWS, requiredMode = REQUIRED) List<List<Object>> columnTotals,
                            @Schema(ref = CELLS, requiredMode = REQUIRED) List<Object> grandTotal, Meta meta) {

    /**
     * A pivot row: its header values and their display labels, its cells (per column, one value
     * per metric), its total.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Row(@Schema(ref = CELLS, requiredMode = REQUIRED) List<Object> header, List<String> labels,
                      @Schema(ref = ROWS, requiredMode = REQUIRED) List<List<Object>> cells,
                      @Schema(ref = CELLS, requiredMode = REQUIRED) List<Object> total) {
    }

    /**
     * @param totalRows pivot rows before OFFSET and LIMIT
     * @param offset    the report's OFFSET (in pivot rows), null without one
     * @param limit     the report's LIMIT (in pivot rows), null without one
     * @param truncated whether the answer leaves pivot rows out (OFFSET or LIMIT), as in row answers
     * @param cached    whether the rows came from the cache or an identical concurrent request
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Meta(double planMillis, double queryMillis, int totalRows, @Nullable Long offset,
                       @Nullable Long limit, boolean truncated, boolean cached) {
    }
}
