package io.quarry.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** CSV and NDJSON carry exactly the values of the JSON answer: text, integers, decimals, dates. */
@MicronautTest
class StreamedValuesTest extends ApiTest {

    static final String REPORT = """
            DIMENSIONS campaign.name, date.day
            METRICS impressions, spend, ctr, cpc
            WHERE date BETWEEN DATE '2026-06-01' AND DATE '2026-06-03'
            ORDER BY campaign.name, date.day""";

    @Test
    void everyFormatGivesTheSameValues() throws Exception {
        String token = token("streams", List.of(1L));
        ObjectMapper exact = new ObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        Map<String, Object> json = exact.readValue(client.toBlocking().retrieve(HttpRequest.POST(
                "/api/v1/reports/query", REPORT).contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(token)), Map.class);
        List<List<Object>> rows = cast(json.get("rows"));
        assertThat(rows).hasSizeGreaterThan(10);

        String csv = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/reports/query", REPORT)
                .contentType(MediaType.TEXT_PLAIN_TYPE).accept(MediaType.TEXT_CSV_TYPE).bearerAuth(token));
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setSkipHeaderRecord(true).setHeader().get()
                .parse(new StringReader(csv)).getRecords();
        String ndjson = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/reports/query", REPORT)
                .contentType(MediaType.TEXT_PLAIN_TYPE).accept("application/x-ndjson").bearerAuth(token));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            lines.add(exact.readTree(line));
        }
        assertThat(records).hasSize(rows.size());
        assertThat(lines).hasSize(rows.size());
        List<String> names = List.of("campaign.name", "date.day", "impressions", "spend", "ctr", "cpc");
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < names.size(); c++) {
                Object expected = rows.get(r).get(c);
                String fromCsv = records.get(r).get(c);
                JsonNode fromNdjson = lines.get(r).get(names.get(c));
                if (expected instanceof Number number) {
                    BigDecimal value = new BigDecimal(number.toString());
                    assertThat(new BigDecimal(fromCsv)).as("csv %s", names.get(c)).isEqualByComparingTo(value);
                    assertThat(fromCsv).as("csv %s in plain notation", names.get(c)).doesNotContain("E", "e");
                    assertThat(fromNdjson.isNumber()).isTrue();
                    assertThat(fromNdjson.decimalValue()).isEqualByComparingTo(value);
                } else if (expected == null) {
                    assertThat(fromCsv).isEmpty();
                    assertThat(fromNdjson.isNull()).isTrue();
                } else {
                    assertThat(fromCsv).isEqualTo(expected.toString());
                    assertThat(fromNdjson.asText()).isEqualTo(expected.toString());
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
