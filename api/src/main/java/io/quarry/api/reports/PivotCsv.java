package io.quarry.api.reports;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A pivot table as a wide CSV: one line per pivot row, a column per (pivot column, metric), the
 * row totals last; then a "total" line with the column totals and the grand total. A pivot is
 * bounded by its column cap and row limit, so it is written whole, not streamed.
 */
final class PivotCsv {

    private PivotCsv() {
    }

    static String of(PivotResponse pivot) throws IOException {
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
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(header.toArray(String[]::new)).get())) {
            for (PivotResponse.Row row : pivot.rows()) {
                List<Object> values = new ArrayList<>(row.header());
                row.cells().forEach(values::addAll);
                values.addAll(row.total());
                printer.printRecord(plain(values));
            }
            List<Object> totals = new ArrayList<>();
            for (int i = 0; i < pivot.rowDimensions().size(); i++) {
                totals.add(i == 0 ? "total" : "");
            }
            pivot.columnTotals().forEach(totals::addAll);
            totals.addAll(pivot.grandTotal());
            printer.printRecord(plain(totals));
        }
        return out.toString();
    }

    private static List<Object> plain(List<Object> values) {
        return values.stream().map(v -> v instanceof BigDecimal d ? (Object) d.toPlainString() : v).toList();
    }
}
