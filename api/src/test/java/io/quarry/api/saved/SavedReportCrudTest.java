package io.quarry.api.saved;

import static io.quarry.api.saved.SavedReportCalls.BASE;
import static io.quarry.api.saved.SavedReportCalls.body;
import static io.quarry.api.saved.SavedReportCalls.cast;
import static io.quarry.api.saved.SavedReportCalls.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.ApiTest;
import io.quarry.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Saving, reading, listing, updating, deleting and restoring saved reports on the real database. */
@MicronautTest
class SavedReportCrudTest extends ApiTest {

    static final String TEXT = """
            DIMENSIONS campaign.name
            METRICS spend, clicks
            WHERE date BETWEEN DATE '2026-06-01' AND DATE '2026-06-14'
            ORDER BY spend DESC
            LIMIT 5""";

    SavedReportCalls calls;
    String token;

    @BeforeEach
    void setUp() {
        calls = new SavedReportCalls(client);
        token = token("ann", List.of(3L));
    }

    @Test
    void aReportIsSavedInCanonicalFormAndReadBackWithItsETag() {
        String name = unique("Top campaigns");
        Map<String, Object> created = calls.create(token, body(name, TEXT));
        assertThat(created).containsEntry("name", name).containsEntry("account", 3).containsEntry("owner", "ann")
                .containsEntry("version", 1).containsEntry("updatedBy", "ann").containsEntry("description", "");
        assertThat(created.get("status")).isEqualTo(Map.of("valid", true, "errors", List.of()));
        Map<String, Object> definition = cast(created.get("definition"));
        assertThat(definition.get("metrics")).isEqualTo(List.of("spend", "clicks"));
        assertThat((String) created.get("text")).startsWith("DIMENSIONS campaign.name\nMETRICS spend, clicks");

        var read = calls.exchange(HttpRequest.GET(BASE + "/" + created.get("id")).bearerAuth(token));
        assertThat(read.getHeaders().get("ETag")).isEqualTo("\"1\"");
        assertThat(read.body()).isEqualTo(created);

        Map<String, Object> fromJson = calls.create(token, body(unique("Same, JSON form"), definition));
        assertThat(fromJson.get("definition")).isEqualTo(definition);
        assertThat(fromJson.get("text")).isEqualTo(created.get("text"));
    }

    @Test
    void anInvalidDefinitionIs422WithLocatedErrorsAndNothingIsStored() throws Exception {
        long before = storedRows();
        Map<String, Object> unknown = calls.problem(HttpRequest.POST(BASE, body(unique("bad"), "METRICS spend, clickz"))
                .bearerAuth(token), 422);
        assertThat(unknown).containsEntry("code", "INVALID_DEFINITION");
        List<Map<String, Object>> errors = cast(unknown.get("errors"));
        assertThat(errors.get(0)).containsEntry("code", "UNKNOWN_FIELD").containsEntry("line", 1)
                .containsEntry("column", 16).containsEntry("suggestions", List.of("clicks"));

        Map<String, Object> syntax = calls.problem(HttpRequest.POST(BASE, body(unique("bad"), "METRICS spend BY"))
                .bearerAuth(token), 422);
        errors = cast(syntax.get("errors"));
        assertThat(errors.get(0)).containsEntry("code", "SYNTAX_ERROR").containsEntry("line", 1)
                .containsEntry("column", 15);

        Map<String, Object> json = calls.problem(HttpRequest.POST(BASE, body(unique("bad"),
                Map.of("metrics", List.of("spend"), "where", List.of("date >= ")))).bearerAuth(token), 422);
        errors = cast(json.get("errors"));
        assertThat(errors.get(0)).containsEntry("pointer", "/definition/where/0");

        Map<String, Object> undeclared = calls.problem(HttpRequest.POST(BASE, body(unique("bad"),
                "METRICS spend WHERE date >= :from")).bearerAuth(token), 422);
        errors = cast(undeclared.get("errors"));
        assertThat(errors.get(0)).containsEntry("code", "PARAMETER_MISSING");

        Map<String, Object> otherAccount = calls.problem(HttpRequest.POST(BASE, body(unique("bad"),
                "METRICS spend ACCOUNTS (4)")).bearerAuth(token), 422);
        errors = cast(otherAccount.get("errors"));
        assertThat(errors.get(0)).containsEntry("code", "ACCOUNT_NOT_PERMITTED");

        Map<String, Object> blank = calls.problem(HttpRequest.POST(BASE, body(" ", TEXT)).bearerAuth(token), 400);
        assertThat((String) blank.get("detail")).contains("name");
        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void listsFilterByNameAndOwnerAndPage() {
        String tag = unique("weekly");
        String owner = "lister-" + tag.hashCode();
        String listToken = token(owner, List.of(5L));
        for (int i = 0; i < 3; i++) {
            calls.create(listToken, body(tag + " " + i, TEXT));
        }
        calls.create(listToken, body(unique("other"), TEXT));
        String query = "?name=" + tag.replace(" ", "%20").toUpperCase();
        Map<String, Object> page = calls.ok(HttpRequest.GET(BASE + query + "&limit=2").bearerAuth(listToken));
        assertThat(page).containsEntry("total", 3).containsEntry("limit", 2).containsEntry("offset", 0);
        List<Map<String, Object>> items = cast(page.get("items"));
        assertThat(items).hasSize(2).allSatisfy(item -> assertThat(item).containsEntry("valid", true)
                .doesNotContainKey("definition"));
        assertThat(items).extracting(i -> i.get("name")).containsExactly(tag + " 2", tag + " 1");
        Map<String, Object> second = calls.ok(HttpRequest.GET(BASE + query + "&limit=2&offset=2").bearerAuth(listToken));
        assertThat((List<?>) second.get("items")).hasSize(1);
        Map<String, Object> byOwner = calls.ok(HttpRequest.GET(BASE + "?owner=" + owner).bearerAuth(listToken));
        assertThat(byOwner).containsEntry("total", 4);
        Map<String, Object> wildcard = calls.ok(HttpRequest.GET(BASE + "?name=%25").bearerAuth(listToken));
        assertThat(wildcard).as("%% in a name filter is a literal").containsEntry("total", 0);
        calls.problem(HttpRequest.GET(BASE + "?limit=0").bearerAuth(listToken), 400);
    }

    @Test
    void anUpdateNamesItsVersionAndAStaleOneIs409AndChangesNothing() {
        Map<String, Object> created = calls.create(token, body(unique("to edit"), TEXT));
        String uri = BASE + "/" + created.get("id");
        Map<String, Object> edit = body(created.get("name") + " v2", TEXT.replace("LIMIT 5", "LIMIT 10"));
        assertThat(calls.problem(HttpRequest.PUT(uri, edit).bearerAuth(token), 428))
                .containsEntry("code", "VERSION_REQUIRED");
        var updated = calls.exchange(HttpRequest.PUT(uri, edit).header("If-Match", "\"1\"").bearerAuth(token));
        assertThat(updated.getHeaders().get("ETag")).isEqualTo("\"2\"");
        assertThat(updated.body()).containsEntry("version", 2).containsEntry("name", created.get("name") + " v2");
        assertThat((String) updated.body().get("text")).contains("LIMIT 10");

        Map<String, Object> stale = body("stale", TEXT);
        assertThat(calls.problem(HttpRequest.PUT(uri, stale).header("If-Match", "\"1\"").bearerAuth(token), 409))
                .containsEntry("code", "VERSION_CONFLICT");
        stale.put("version", 1);
        calls.problem(HttpRequest.PUT(uri, stale).bearerAuth(token), 409);
        assertThat(calls.ok(HttpRequest.GET(uri).bearerAuth(token))).containsEntry("version", 2)
                .containsEntry("name", created.get("name") + " v2");
        calls.problem(HttpRequest.PUT(uri, stale).header("If-Match", "yesterday").bearerAuth(token), 400);
        calls.problem(HttpRequest.PUT(uri, body("x", "METRICS nope")).header("If-Match", "\"2\"").bearerAuth(token), 422);
        assertThat(calls.ok(HttpRequest.GET(uri).bearerAuth(token))).containsEntry("version", 2);
    }

    @Test
    void twoParallelUpdatesOfOneVersionStoreExactlyOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                Map<String, Object> created = calls.create(token, body(unique("contended"), TEXT));
                String uri = BASE + "/" + created.get("id");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> outcomes = new ArrayList<>();
                for (String writer : List.of("left", "right")) {
                    Callable<Integer> update = () -> {
                        start.await();
                        try {
                            return calls.exchange(HttpRequest.PUT(uri, body(created.get("name") + " by " + writer,
                                    TEXT)).header("If-Match", "\"1\"").bearerAuth(token(writer, List.of(3L)))).code();
                        } catch (HttpClientResponseException e) {
                            return e.getStatus().getCode();
                        }
                    };
                    outcomes.add(pool.submit(update));
                }
                start.countDown();
                List<Integer> codes = List.of(outcomes.get(0).get(), outcomes.get(1).get());
                assertThat(codes).containsExactlyInAnyOrder(200, 409);
                String winner = codes.get(0) == 200 ? "left" : "right";
                Map<String, Object> current = calls.ok(HttpRequest.GET(uri).bearerAuth(token));
                assertThat(current).containsEntry("version", 2).containsEntry("updatedBy", winner)
                        .containsEntry("name", created.get("name") + " by " + winner);
                List<Map<String, Object>> history = calls.list(HttpRequest.GET(uri + "/versions").bearerAuth(token));
                assertThat(history).extracting(v -> v.get("version"), v -> v.get("change"), v -> v.get("savedBy"))
                        .containsExactly(Tuple.tuple(2, "updated", winner),
                                Tuple.tuple(1, "created", "ann"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void historyKeepsEveryVersionAndAnOldOneCanBeRestored() {
        Map<String, Object> created = calls.create(token, body(unique("history"), TEXT));
        String uri = BASE + "/" + created.get("id");
        Map<String, Object> edit = body(created.get("name").toString(),
                "DIMENSIONS date.week METRICS spend WHERE date DURING LAST_30_DAYS");
        calls.ok(HttpRequest.PUT(uri, edit).header("If-Match", "\"1\"").bearerAuth(token));
        List<Map<String, Object>> history = calls.list(HttpRequest.GET(uri + "/versions").bearerAuth(token));
        assertThat(history).extracting(v -> v.get("version")).containsExactly(2, 1);
        assertThat(calls.ok(HttpRequest.GET(uri + "/versions/1").bearerAuth(token)).get("definition"))
                .isEqualTo(created.get("definition"));
        calls.problem(HttpRequest.GET(uri + "/versions/9").bearerAuth(token), 404);

        calls.problem(HttpRequest.POST(uri + "/versions/1/restore", "").header("If-Match", "\"1\"").bearerAuth(token), 409);
        var restored = calls.exchange(HttpRequest.POST(uri + "/versions/1/restore", "").bearerAuth(token));
        assertThat(restored.getHeaders().get("ETag")).isEqualTo("\"3\"");
        assertThat(restored.body()).containsEntry("version", 3).containsEntry("text", created.get("text"));
        Map<String, Object> newest = calls.list(HttpRequest.GET(uri + "/versions").bearerAuth(token)).get(0);
        assertThat(newest).containsEntry("version", 3).containsEntry("change", "restored").containsEntry("restoredFrom", 1);
    }

    @Test
    void aDeletedReportIsGoneButItsHistoryIsKeptAndItsNameFree() throws Exception {
        String name = unique("short-lived");
        Map<String, Object> created = calls.create(token, body(name, TEXT));
        String uri = BASE + "/" + created.get("id");
        calls.problem(HttpRequest.DELETE(uri).header("If-Match", "\"7\"").bearerAuth(token), 409);
        assertThat(calls.exchange(HttpRequest.DELETE(uri).bearerAuth(token)).code()).isEqualTo(204);
        calls.problem(HttpRequest.GET(uri).bearerAuth(token), 404);
        calls.problem(HttpRequest.DELETE(uri).bearerAuth(token), 404);
        assertThat(history(created.get("id").toString())).containsExactly("1 created", "2 deleted");
        calls.create(token, body(name, TEXT));
    }

    @Test
    void aNameIsUniqueAmongAnAccountsLiveReports() {
        String name = unique("unique");
        calls.create(token, body(name, TEXT));
        assertThat(calls.problem(HttpRequest.POST(BASE, body(name.toUpperCase(), TEXT)).bearerAuth(token), 409))
                .containsEntry("code", "NAME_TAKEN");
        calls.create(token("ann", List.of(4L)), body(name, TEXT));
    }

    private static List<String> history(String id) throws Exception {
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT version || ' ' || change"
                     + " FROM saved_report_versions WHERE account_id = 3 AND report_id = ?::uuid ORDER BY version")) {
            statement.setString(1, id);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        }
    }

    private static long storedRows() throws Exception {
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT (SELECT count(*) FROM saved_reports) + (SELECT count(*) FROM saved_report_versions)");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
