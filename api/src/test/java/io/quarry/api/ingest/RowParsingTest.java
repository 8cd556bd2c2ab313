package io.quarry.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The format readers and value conversions without a server: quoting, line numbers, limits, edge values. */
class RowParsingTest {

    private static CharInput input(String text) {
        return new CharInput(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** "line|value,value,..." per row (absent values as -), or "line|!CODE" for a refused row. */
    private static List<String> rows(RowSource source) throws IOException {
        List<String> rows = new ArrayList<>();
        RawRow row = new RawRow(IngestTable.EVENTS.columns().size());
        while (source.next(row)) {
            if (row.problem != null) {
                rows.add(row.line + "|!" + row.problem.code());
                continue;
            }
            List<String> values = new ArrayList<>();
            for (String value : row.values) {
                values.add(value == null ? "-" : value);
            }
            rows.add(row.line + "|" + String.join(",", values));
        }
        return rows;
    }

    @Test
    void csvQuotingLineEndingsAndByteOrderMark() throws IOException {
        CsvRows csv = new CsvRows(input("\uFEFFaccount_id,event_id,name,created_at\r\n"
                + "1,2,\"a, \"\"quoted\"\"\nname\",2026-05-01T00:00:00Z\r\n"
                + "\n"
                + "1,3,,2026-05-01T00:00:00Z\n"
                + "1,4\n"
                + "1,5,x,2026-05-01T00:00:00Z"), IngestTable.EVENTS, 1000);
        assertThat(csv.start()).isEmpty();
        assertThat(rows(csv)).containsExactly(
                "2|1,2,2026-05-01T00:00:00Z,a, \"quoted\"\nname,-,-,-,-",
                "5|1,3,2026-05-01T00:00:00Z,-,-,-,-,-",
                "6|!MALFORMED_ROW",
                "7|1,5,2026-05-01T00:00:00Z,x,-,-,-,-");
    }

    @Test
    void csvThatCannotBeSplitIsRefusedAtItsLine() throws IOException {
        CsvRows unclosed = new CsvRows(input("account_id,name\n1,\"open\n"), IngestTable.EVENTS, 1000);
        unclosed.start();
        assertThatThrownBy(() -> rows(unclosed)).isInstanceOf(CsvRows.MalformedCsvException.class);
        CsvRows tooLong = new CsvRows(input("account_id,name\n1," + "x".repeat(200) + "\n"), IngestTable.EVENTS, 100);
        tooLong.start();
        assertThatThrownBy(() -> rows(tooLong)).isInstanceOf(CharInput.LineTooLongException.class);
    }

    @Test
    void ndjsonKeepsNestedObjectsAsTextAndLocatesBadLines() throws IOException {
        NdjsonRows ndjson = new NdjsonRows(input("{\"account_id\": 1, \"data\": {\"a\": [1, {\"b\": null}]}}\n"
                + "  \n"
                + "[1]\n"
                + "{\"account_id\": 1, \"account_id\": 2}\n"
                + "{\"account_id\": 1} {}\n"), IngestTable.EVENTS, 1000);
        assertThat(rows(ndjson)).containsExactly("1|1,-,-,-,-,-,-,{\"a\": [1, {\"b\": null}]}", "3|!MALFORMED_ROW",
                "4|!DUPLICATE_COLUMN", "5|!MALFORMED_ROW");
    }

    @Test
    void valuesOutsideTheirTypesAreRefusedNotOverflowed() {
        assertThat(refusal(ColumnType.TIMESTAMPTZ, "+999999999-12-31T23:59:59Z")).isNotNull();
        assertThat(refusal(ColumnType.DATE, "+999999999-12-31")).isNotNull();
        assertThat(refusal(ColumnType.BIGINT, "9223372036854775808")).isNotNull();
        assertThat(refusal(ColumnType.MONEY, "9999999999.9999")).isNull();
        assertThat(refusal(ColumnType.MONEY, "10000000000")).isNotNull();
        assertThat(refusal(ColumnType.MONEY, "1.00001")).isNotNull();
        assertThat(refusal(ColumnType.JSON_OBJECT, "{\"a\": \"\\u0000\"}")).contains("NUL");
        assertThat(refusal(ColumnType.JSON_OBJECT, "[1]")).isNotNull();
        StringBuilder out = new StringBuilder();
        ColumnType.TIMESTAMPTZ.convert("2026-05-01T02:30:00.5+02:00", RawRow.Kind.STRING, new ColumnType.Cell(out));
        assertThat(out).hasToString("2026-05-01 00:30:00.500000+00");
        out.setLength(0);
        ColumnType.TEXT.convert("a\tb\\c\nd", RawRow.Kind.STRING, new ColumnType.Cell(out));
        assertThat(out).hasToString("a\\tb\\\\c\\nd");
    }

    private static String refusal(ColumnType type, String raw) {
        ColumnType.Cell cell = new ColumnType.Cell(new StringBuilder());
        type.convert(raw, RawRow.Kind.STRING, cell);
        return cell.refusal;
    }
}
