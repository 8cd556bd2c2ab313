package io.quarry.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.testdb.TestDatabase;
import java.io.BufferedReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CSV and NDJSON answers, streamed (chunked, no Content-Length) with every row. */
@MicronautTest
class StreamingTest extends ApiTest {

    static final String REPORT = """
            FROM ad_stats
            DIMENSIONS ad.id, date.day
            METRICS impressions, spend, ctr
            WHERE date BETWEEN DATE '2026-04-16' AND DATE '2026-06-14'
            TOTALS GRAND
            CURRENCY 'USD'
            """;

    @Test
    void csvIsStreamedWithAHeaderEveryRowAndTheTotal() throws Exception {
        HttpResponse<String> response = client.toBlocking().exchange(request(MediaType.TEXT_CSV), String.class);
        assertThat(response.getContentType()).hasValueSatisfying(t -> assertThat(t.getName()).isEqualTo("text/csv"));
        assertThat(response.getHeaders().get("Transfer-Encoding")).isEqualTo("chunked");
        List<String> lines = new BufferedReader(new StringReader(response.body())).lines().toList();
        assertThat(lines.get(0)).isEqualTo("ad.id,date.day,impressions,spend,ctr,row_type");
        long rows = factRows();
        assertThat(rows).isGreaterThan(5_000);
        assertThat(lines).hasSize((int) rows + 2);
        assertThat(lines.get(lines.size() - 1)).startsWith(",,").endsWith(",grand");
    }

    @Test
    void ndjsonHasOneObjectPerRow() throws Exception {
        HttpResponse<String> response = client.toBlocking().exchange(request("application/x-ndjson"), String.class);
        List<String> lines = new BufferedReader(new StringReader(response.body())).lines().toList();
        assertThat(lines).hasSize((int) factRows() + 1);
        assertThat(lines.get(0)).startsWith("{\"ad.id\":").contains("\"row_type\":\"detail\"");
    }

    private HttpRequest<?> request(String accept) {
        String token = token("tester", List.of(1L, 2L, 3L));
        return HttpRequest.POST("/api/v1/reports/query", REPORT).contentType(MediaType.TEXT_PLAIN_TYPE).accept(accept)
                .bearerAuth(token);
    }

    private static long factRows() throws Exception {
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM ad_stats_daily WHERE account_id IN (1, 2, 3)"
                     + " AND day BETWEEN DATE '2026-04-16' AND DATE '2026-06-14'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
