package io.quarry.api.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A pivot table as a wide CSV ({@link CsvEncoder}'s records): one line per pivot row, a column per
 * (pivot column, metric), the row totals last; then a "total" line with the column totals and the
 * grand total. A pivot is bounded by its column cap and row limit, so it is written whole, not
 * streamed.
 */
final class PivotCsv {

    private PivotCsv() {
    }

    static byte[] of(PivotResponse pivot) {
        List<String> header = new ArrayList<>(pivot.rowDimensions().stream().map(ReportResponse.Column::name).toList());
        List<String> metrics = pivot.metrics().stream().map(ReportResponse.Column::name).toList();
        for (List<Object> column : pivot.columns()) {
            String label = String.join(" / ", column.stream().map(String::valueOf).toList());
            for (String metric : metrics) {
                header.add(label + " " + metric);
            }
        }
        for (String metric : metrics) {
            header.add("total " + metric);
        }
        ByteOutput out = new ByteOutput(RowStreamer.CHUNK_BYTES);
        CsvEncoder.record(out, header);
        for (PivotResponse.Row row : pivot.rows()) {
            List<Object> values = new ArrayList<>(row.header());
            row.cells().forEach(values::addAll);
            values.addAll(row.total());
            CsvEncoder.record(out, values);
        }
        List<Object> totals = new ArrayList<>();
        for (int i = 0; i < pivot.rowDimensions().size(); i++) {
            totals.add(i == 0 ? "total" : "");
        }
        pivot.columnTotals().forEach(totals::addAll);
        totals.addAll(pivot.grandTotal());
        CsvEncoder.record(out, totals);
        return Arrays.copyOf(out.array(), out.size());
    }
}
