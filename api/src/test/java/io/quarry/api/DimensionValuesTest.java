package io.quarry.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.db.DirectDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/model/dimensions/{name}/values}: a filter picker's values, from the caller's accounts only. */
@MicronautTest(transactional = false)
class DimensionValuesTest extends ApiTest {

    @Inject
    DirectDataSource database;

    @Test
    @SuppressWarnings("unchecked")
    void campaignNamesAreThoseOfTheCallersAccountsInOrder() throws SQLException {
        Map<String, Object> answer = values("campaign.name", "", 1000, List.of(2L, 3L));
        List<String> expected = oracle("SELECT DISTINCT name FROM campaigns WHERE account_id IN (2, 3) ORDER BY 1");
        assertThat(expected).isNotEmpty();
        assertThat((List<Object>) answer.get("values")).isEqualTo(new ArrayList<Object>(expected));
        assertThat(answer.get("truncated")).isEqualTo(false);
        List<String> others = oracle("SELECT DISTINCT name FROM campaigns WHERE account_id NOT IN (2, 3)"
                + " EXCEPT SELECT name FROM campaigns WHERE account_id IN (2, 3)");
        assertThat(others).isNotEmpty();
        assertThat((List<Object>) answer.get("values")).doesNotContainAnyElementsOf(others);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSearchMatchesCaseInsensitivelyAndALimitTruncates() throws SQLException {
        List<String> all = oracle("SELECT DISTINCT name FROM campaigns WHERE account_id = 1 ORDER BY 1");
        String part = all.get(0).substring(0, 3).toUpperCase(java.util.Locale.ROOT);
        List<Object> matching = new ArrayList<>(all.stream()
                .filter(n -> n.toUpperCase(java.util.Locale.ROOT).contains(part)).toList());
        assertThat((List<Object>) values("campaign.name", part, 1000, List.of(1L)).get("values")).isEqualTo(matching);
        Map<String, Object> two = values("campaign.name", "", 2, List.of(1L));
        assertThat((List<Object>) two.get("values")).isEqualTo(new ArrayList<Object>(all.subList(0, 2)));
        assertThat(two.get("truncated")).isEqualTo(all.size() > 2);
        assertThat((List<Object>) values("campaign.name", "%", 1000, List.of(1L)).get("values"))
                .isEqualTo(new ArrayList<Object>(all.stream().filter(n -> n.contains("%")).toList()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void integerDimensionsAndEventNamesAnswerToo() {
        List<Object> ids = (List<Object>) values("campaign.id", "", 1000, List.of(1L)).get("values");
        assertThat(ids).isNotEmpty().allSatisfy(id -> assertThat(id).isInstanceOf(Number.class));
        assertThat(values("event.name", "", 1000, List.of(1L))).containsKey("values");
    }

    @Test
    void unknownAndTimeDimensionsAndNulAre422AndAWrongLimit400() {
        assertThat(status("/api/v1/model/dimensions/campaign.nme/values")).isEqualTo(422);
        assertThat(status("/api/v1/model/dimensions/date/values")).isEqualTo(422);
        assertThat(status("/api/v1/model/dimensions/campaign.name/values?search=a%00b")).isEqualTo(422);
        assertThat(status("/api/v1/model/dimensions/campaign.name/values?limit=0")).isEqualTo(400);
        assertThat(status("/api/v1/model/dimensions/campaign.name/values?limit=1001")).isEqualTo(400);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> values(String dimension, String search, int limit, List<Long> accounts) {
        String uri = "/api/v1/model/dimensions/" + dimension + "/values?limit=" + limit + "&search="
                + java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8);
        return client.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(token("picker", accounts)), Map.class);
    }

    private int status(String uri) {
        try {
            return client.toBlocking().exchange(HttpRequest.GET(uri).bearerAuth(token("picker", List.of(1L))),
                    String.class).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private List<String> oracle(String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
