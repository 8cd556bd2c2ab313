package io.quarry.api.saved;

import static io.quarry.api.saved.SavedReportCalls.BASE;
import static io.quarry.api.saved.SavedReportCalls.body;
import static io.quarry.api.saved.SavedReportCalls.cast;
import static io.quarry.api.saved.SavedReportCalls.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.ApiTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of saved reports, tried as an adversary would: another account's report id
 * answers 404 on every endpoint, exactly like an id that does not exist, and changes nothing.
 */
@MicronautTest
class SavedReportIsolationTest extends ApiTest {

    static final String TEXT = "DIMENSIONS campaign.name METRICS spend WHERE date >= DATE '2026-06-01'";

    @Test
    void anotherAccountsReportIsNotFoundEverywhereAndUnchanged() {
        SavedReportCalls calls = new SavedReportCalls(client);
        String owner = token("owner", List.of(2L));
        Map<String, Object> secret = calls.create(owner, body(unique("account 2 only"), TEXT));
        String uri = BASE + "/" + secret.get("id");
        String mallory = token("mallory", List.of(1L));
        String missing = BASE + "/" + UUID.randomUUID();
        String nobody = tokens.generateToken(Map.of("sub", "nobody", "exp", Instant.now().plusSeconds(600)
                .getEpochSecond())).orElseThrow();
        for (String target : List.of(uri, missing, BASE + "/not-a-uuid")) {
            for (MutableHttpRequest<?> request : attempts(target)) {
                Map<String, Object> problem = calls.problem(request.bearerAuth(mallory), 404);
                assertThat(problem).containsEntry("code", "REPORT_NOT_FOUND")
                        .containsEntry("detail", "no saved report with this id in your accounts");
            }
            for (MutableHttpRequest<?> request : attempts(target)) {
                assertThat(calls.problem(request.bearerAuth(nobody), 403)).containsEntry("code", "NO_ACCOUNTS");
            }
        }
        assertThat(calls.ok(HttpRequest.GET(uri).bearerAuth(owner))).isEqualTo(secret);
        assertThat(calls.list(HttpRequest.GET(uri + "/versions").bearerAuth(owner))).hasSize(1);

        calls.create(mallory, body(unique("account 1's own"), TEXT));
        Map<String, Object> list = calls.ok(HttpRequest.GET(BASE + "?limit=200").bearerAuth(mallory));
        List<Map<String, Object>> items = cast(list.get("items"));
        assertThat(items).isNotEmpty().allSatisfy(item -> assertThat(item).containsEntry("account", 1));
        assertThat(calls.problem(HttpRequest.GET(BASE).bearerAuth(nobody), 403)).containsEntry("code", "NO_ACCOUNTS");
        assertThat(calls.problem(HttpRequest.GET(BASE + "?account=2").bearerAuth(mallory), 403))
                .containsEntry("code", "ACCOUNT_NOT_PERMITTED");
        Map<String, Object> into = body(unique("planted"), TEXT);
        into.put("account", 2);
        calls.problem(HttpRequest.POST(BASE, into).bearerAuth(mallory), 403);
        calls.problem(HttpRequest.POST(BASE, body(unique("planted"), TEXT)).bearerAuth(nobody), 403);

        String both = token("both", List.of(1L, 2L));
        assertThat(calls.ok(HttpRequest.GET(uri).bearerAuth(both))).containsEntry("id", secret.get("id"));
        calls.problem(HttpRequest.POST(BASE, body(unique("which account?"), TEXT)).bearerAuth(both), 403);
        Map<String, Object> move = body(secret.get("name").toString(), TEXT);
        move.put("account", 1);
        calls.problem(HttpRequest.PUT(uri, move).header("If-Match", "\"1\"").bearerAuth(both), 403);
        assertThat(calls.ok(HttpRequest.GET(uri).bearerAuth(owner))).containsEntry("version", 1).containsEntry("account", 2);
    }

    @Test
    void aSavedReportRunsOnlyOverItsOwnAccount() {
        SavedReportCalls calls = new SavedReportCalls(client);
        String both = token("both", List.of(1L, 2L));
        Map<String, Object> body = body(unique("by account"), "DIMENSIONS account.id METRICS spend"
                + " WHERE date >= DATE '2026-06-01'");
        body.put("account", 2);
        String uri = BASE + "/" + calls.create(both, body).get("id");
        Map<String, Object> run = calls.ok(HttpRequest.POST(uri + "/run", Map.of()).bearerAuth(both));
        List<List<Object>> rows = cast(run.get("rows"));
        assertThat(rows).extracting(row -> row.get(0)).containsExactly(2);
        Map<String, Object> widened = calls.ok(HttpRequest.POST(uri + "/run",
                Map.of("filters", List.of("account.id IN (1, 2) OR account.id > 0"))).bearerAuth(both));
        rows = cast(widened.get("rows"));
        assertThat(rows).as("a filter cannot widen the report's account").extracting(row -> row.get(0))
                .containsExactly(2);
    }

    private static List<MutableHttpRequest<?>> attempts(String uri) {
        Map<String, Object> edit = body("taken over", TEXT);
        edit.put("version", 1);
        return List.of(HttpRequest.GET(uri), HttpRequest.PUT(uri, edit).header("If-Match", "\"1\""),
                HttpRequest.DELETE(uri), HttpRequest.GET(uri + "/versions"), HttpRequest.GET(uri + "/versions/1"),
                HttpRequest.POST(uri + "/versions/1/restore", ""), HttpRequest.POST(uri + "/run", Map.of()));
    }
}
