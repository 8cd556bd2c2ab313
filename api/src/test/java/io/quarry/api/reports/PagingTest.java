package io.quarry.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.ApiTest;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Paging through a report: a page's meta says how many detail rows there are before OFFSET and
 * LIMIT ({@code totalRows}), echoes both, and {@code truncated} means "rows left out" in row and
 * pivot answers alike; totals still cover every row.
 */
@MicronautTest
class PagingTest extends ApiTest {

    static final String ADS = """
            DIMENSIONS ad.name
            METRICS clicks
            WHERE date BETWEEN DATE '2026-05-01' AND DATE '2026-05-31'
            """;

    @Test
    void aPageCountsEveryDetailRowAndEchoesItsOffsetAndLimit() {
        List<List<Object>> all = rows(query(ADS));
        assertThat(all).hasSizeGreaterThan(12);
        Map<String, Object> unpaged = meta(query(ADS));
        assertThat(unpaged).containsEntry("totalRows", all.size()).containsEntry("rowCount", all.size())
                .containsEntry("offset", null).containsEntry("limit", null).containsEntry("truncated", false);

        Map<String, Object> page = query(ADS + "LIMIT 5 OFFSET 5\n");
        assertThat(rows(page)).isEqualTo(all.subList(5, 10));
        assertThat(meta(page)).containsEntry("totalRows", all.size()).containsEntry("rowCount", 5)
                .containsEntry("offset", 5).containsEntry("limit", 5).containsEntry("truncated", true);

        Map<String, Object> last = query(ADS + "LIMIT 5 OFFSET " + (all.size() - 2) + "\n");
        assertThat(rows(last)).isEqualTo(all.subList(all.size() - 2, all.size()));
        assertThat(meta(last)).containsEntry("totalRows", all.size()).containsEntry("truncated", true);

        Map<String, Object> whole = query(ADS + "LIMIT " + all.size() + "\n");
        assertThat(meta(whole)).containsEntry("totalRows", all.size()).containsEntry("truncated", false);
    }

    @Test
    void aPageWithTotalsCountsDetailRowsOnlyAndItsTotalsCoverEveryRow() {
        Map<String, Object> all = query(ADS + "TOTALS GRAND\n");
        Map<String, Object> page = query(ADS + "LIMIT 3\nTOTALS GRAND\n");
        assertThat(rows(page)).hasSize(3).isEqualTo(rows(all).subList(0, 3));
        assertThat(meta(page)).containsEntry("totalRows", rows(all).size()).containsEntry("truncated", true);
        assertThat(page.get("totals")).isEqualTo(all.get("totals"));
    }

    @Test
    void aPagePastTheLastRowIsEmptyWithAnUnknownCount() {
        Map<String, Object> past = query(ADS + "LIMIT 5 OFFSET 100000\n");
        assertThat(rows(past)).isEmpty();
        assertThat(meta(past)).containsEntry("rowCount", 0).containsEntry("totalRows", null)
                .containsEntry("truncated", true);
        Map<String, Object> none = query("""
                DIMENSIONS ad.name
                METRICS clicks
                WHERE date BETWEEN DATE '2016-01-01' AND DATE '2016-01-31'
                LIMIT 5
                """);
        assertThat(meta(none)).containsEntry("totalRows", 0).containsEntry("truncated", false);
    }

    @Test
    void aPivotEchoesItsOffsetAndLimitInPivotRows() {
        Map<String, Object> pivot = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/reports/pivot", """
                DIMENSIONS campaign.name, date.month
                METRICS clicks
                WHERE date BETWEEN DATE '2026-04-01' AND DATE '2026-05-31'
                LIMIT 2 OFFSET 1
                PIVOT BY date.month
                """).contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(token()), Argument.mapOf(String.class, Object.class));
        Map<String, Object> meta = meta(pivot);
        assertThat((List<?>) pivot.get("rows")).hasSize(2);
        assertThat(meta).containsEntry("offset", 1).containsEntry("limit", 2).containsEntry("truncated", true);
        assertThat((Integer) meta.get("totalRows")).isGreaterThan(3);
    }

    @Test
    void aPagedExportStreamsThePageWithoutTheCount() throws Exception {
        String csv = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/reports/query", ADS + "LIMIT 3 OFFSET 2\n")
                .contentType(MediaType.TEXT_PLAIN_TYPE).accept(MediaType.TEXT_CSV_TYPE).bearerAuth(token()));
        List<CSVRecord> records = CSVParser.parse(csv, CSVFormat.RFC4180).getRecords();
        assertThat(records).hasSize(4);
        assertThat(records.get(0).toList()).containsExactly("ad.name", "clicks");
        assertThat(records).allSatisfy(record -> assertThat(record.size()).isEqualTo(2));
        String ndjson = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/reports/query", ADS + "LIMIT 3\n")
                .contentType(MediaType.TEXT_PLAIN_TYPE).accept("application/x-ndjson").bearerAuth(token()));
        assertThat(ndjson.lines().toList()).hasSize(3).allSatisfy(line -> assertThat(line).doesNotContain("__"));
    }

    private Map<String, Object> query(String report) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/reports/query", report)
                .contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(token()), Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> rows(Map<String, Object> answer) {
        return (List<List<Object>>) answer.get("rows");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> meta(Map<String, Object> answer) {
        return (Map<String, Object>) answer.get("meta");
    }

    private String token() {
        return token("pager", List.of(1L, 3L));
    }
}
