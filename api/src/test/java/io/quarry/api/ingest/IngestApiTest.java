package io.quarry.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.ApiTest;
import io.quarry.api.TestDatabaseProperties;
import io.quarry.api.ingest.IngestCalls.Answer;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ingest through the real server: NDJSON and CSV stored and then visible in reports, upserts,
 * and every refusal leaving nothing stored. Each test writes its own accounts of the 92000xx
 * range (no other test names them; facts have no foreign keys, so no account rows are needed)
 * in May 2026, inside the partitions the demo data creates.
 */
@MicronautTest
class IngestApiTest extends ApiTest {

    private static final String MAY = "WHERE date BETWEEN DATE '2026-05-01' AND DATE '2026-05-31' TIMEZONE 'UTC'";

    @Inject
    EmbeddedServer server;

    private IngestCalls calls;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabaseProperties.get());
        properties.put("quarry.cache.ttl", "0s"); // a report before and after a batch must not share a result
        return properties;
    }

    @BeforeAll
    void calls() {
        calls = new IngestCalls(server.getURL(), tokens);
    }

    private static String event(long account, long id, String at) {
        return "{\"account_id\": " + account + ", \"event_id\": " + id + ", \"created_at\": \"" + at
                + "\", \"name\": \"purchase\", \"data\": {\"value\": " + id + "}}\n";
    }

    private long events(long account, String token) {
        return Long.parseLong(calls.single("METRICS event_count " + MAY, token));
    }

    @Test
    void ndjsonEventsAreStoredAndCountedByAReport() {
        long account = 9_200_001L;
        String token = calls.writer("ingest-ndjson", List.of(account));
        assertThat(events(account, token)).isZero();
        String body = event(account, 1, "2026-05-02T10:00:00Z") + "\n"   // a blank line is skipped
                + event(account, 2, "2026-05-03T23:30:00+02:00")
                + "{\"account_id\": \"" + account + "\", \"event_id\": 3, \"created_at\": \"2026-05-04 08:00:00Z\","
                + " \"name\": \"page_view\", \"user_id\": null}\r\n";
        Answer answer = calls.post("events", IngestCalls.NDJSON, body, token);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().get("rows").asLong()).isEqualTo(3);
        assertThat(answer.body().get("replayed").asBoolean()).isFalse();
        assertThat(events(account, token)).isEqualTo(3);
        JsonNode byName = calls.report("DIMENSIONS event.name METRICS event_count"
                + " WHERE date BETWEEN DATE '2026-05-01' AND DATE '2026-05-31' ORDER BY event.name TIMEZONE 'UTC'",
                token).get("rows");
        assertThat(byName.toString()).isEqualTo("[[\"page_view\",1],[\"purchase\",2]]");
    }

    @Test
    void csvAdStatsAreStoredAndSummedByAReport() {
        long account = 9_200_002L;
        String token = calls.writer("ingest-csv", List.of(account));
        String body = "account_id,ad_id,day,ad_set_id,campaign_id,impressions,clicks,spend\r\n"
                + account + ",10,2026-05-05,20,30,1000,10,12.5\r\n"
                + "\"" + account + "\",11,2026-05-06,20,30,500,\"5\",7.25\r\n";
        Answer answer = calls.post("ad-stats", IngestCalls.CSV, body, token);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().get("rows").asLong()).isEqualTo(2);
        JsonNode row = calls.report("METRICS spend, clicks, impressions " + MAY, token).get("rows").get(0);
        assertThat(row.get(0).decimalValue()).isEqualByComparingTo("19.75");
        assertThat(row.get(1).asLong()).isEqualTo(15);
        assertThat(row.get(2).asLong()).isEqualTo(1500);
    }

    @Test
    void adStatsUpsertOnTheirKeyAndTheLastRowOfABatchWins() {
        long account = 9_200_003L;
        String token = calls.writer("ingest-upsert", List.of(account));
        String header = "account_id,ad_id,day,ad_set_id,campaign_id,spend,clicks\n";
        assertThat(calls.post("ad-stats", IngestCalls.CSV, header + account + ",1,2026-05-07,2,3,10,1\n"
                + account + ",2,2026-05-07,2,3,1,1\n", token).status()).isEqualTo(200);
        Answer second = calls.post("ad-stats", IngestCalls.NDJSON,
                "{\"account_id\": " + account + ", \"ad_id\": 1, \"day\": \"2026-05-07\", \"ad_set_id\": 2,"
                        + " \"campaign_id\": 3, \"spend\": 25, \"clicks\": 4}\n"
                        + "{\"account_id\": " + account + ", \"ad_id\": 1, \"day\": \"2026-05-07\", \"ad_set_id\": 2,"
                        + " \"campaign_id\": 3, \"spend\": \"30.5\", \"clicks\": 6}\n", token);
        assertThat(second.status()).as(second.body().toString()).isEqualTo(200);
        JsonNode row = calls.report("METRICS spend, clicks " + MAY, token).get("rows").get(0);
        assertThat(row.get(0).decimalValue()).as("ad 1 replaced by the batch's last row, ad 2 kept")
                .isEqualByComparingTo("31.5");
        assertThat(row.get(1).asLong()).isEqualTo(7);
    }

    @Test
    void aRowOfAnotherAccountRefusesTheBatchAndStoresNothing() {
        long account = 9_200_004L;
        String token = calls.writer("ingest-foreign", List.of(account));
        Answer answer = calls.post("events", IngestCalls.NDJSON, event(account, 1, "2026-05-02T10:00:00Z")
                + event(9_200_005L, 2, "2026-05-02T10:00:00Z"), token);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("ACCOUNT_NOT_PERMITTED");
        assertThat(answer.body().get("line").asLong()).isEqualTo(2);
        assertThat(answer.body().get("field").asText()).isEqualTo("account_id");
        assertThat(events(account, token)).as("the valid first row is not stored either").isZero();
        String both = calls.writer("ingest-foreign", List.of(account, 9_200_005L));
        assertThat(events(9_200_005L, calls.writer("x", List.of(9_200_005L)))).isZero();
        assertThat(calls.post("events", IngestCalls.NDJSON, event(9_200_005L, 2, "2026-05-02T10:00:00Z"), both)
                .status()).isEqualTo(200);
    }

    @Test
    void aTokenWithoutTheIngestScopeIsRefused() {
        long account = 9_200_006L;
        String body = event(account, 1, "2026-05-02T10:00:00Z");
        for (Object scope : new Object[] {null, "read", "ingestion", List.of("read"), "", List.of()}) {
            Answer answer = calls.post("events", IngestCalls.NDJSON, body, calls.token("reader", List.of(account), scope));
            assertThat(answer.status()).as("scope %s", scope).isEqualTo(403);
            assertThat(answer.code()).isEqualTo("INGEST_NOT_PERMITTED");
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        String reader = calls.token("reader", List.of(account), "read");
        assertThat(events(account, reader)).isZero();
        assertThat(calls.post("events", IngestCalls.NDJSON, body,
                calls.token("writer", List.of(account), List.of("read", "ingest"))).status())
                .as("scope as an array").isEqualTo(200);
        assertThat(events(account, reader)).isEqualTo(1);
    }

    @Test
    void invalidRowsAreListedByLineAndFieldAndNothingIsStored() {
        long account = 9_200_007L;
        String token = calls.writer("ingest-invalid", List.of(account));
        String body = event(account, 1, "2026-05-02T10:00:00Z")                                             // 1 ok
                + "{\"account_id\": " + account + ", \"event_id\": 2, \"created_at\": \"2026-05-02T10:00:00Z\","
                + " \"name\": \"x\", \"colour\": \"red\"}\n"                                                     // 2
                + "{\"account_id\": " + account + ", \"event_id\": \"two\", \"created_at\": \"2026-05-02T10:00:00Z\","
                + " \"name\": \"x\"}\n"                                                                          // 3
                + "{\"event_id\": 4, \"created_at\": \"2026-05-02T10:00:00Z\", \"name\": \"x\"}\n"              // 4
                + "{\"account_id\": " + account + ", \"event_id\": 5, \"created_at\": \"2026-05-02T10:00:00Z\","
                + " \"name\": \"a\\u0000b\"}\n"                                                                  // 5
                + "{\"account_id\": " + account + ", \"event_id\": 6, \"created_at\": \"2026-05-02T10:00:00\","
                + " \"name\": \"x\"}\n"                                                                          // 6
                + "{\"account_id\": " + account + ", \"event_id\": 7,\n"                                       // 7
                + event(account, 8, "2026-05-02T11:00:00Z");                                                    // 8 ok
        Answer answer = calls.post("events", IngestCalls.NDJSON, body, token);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("INVALID_ROWS");
        assertThat(located(answer)).containsExactly("2:colour:UNKNOWN_COLUMN", "3:event_id:INVALID_VALUE",
                "4:account_id:MISSING_VALUE", "5:name:INVALID_VALUE", "6:created_at:INVALID_VALUE",
                "7:-:MALFORMED_ROW");
        assertThat(events(account, token)).isZero();
    }

    @Test
    void invalidCsvIsLocatedByLineAndColumn() {
        long account = 9_200_008L;
        String token = calls.writer("ingest-invalid-csv", List.of(account));
        Answer header = calls.post("ad-stats", IngestCalls.CSV, "account_id,ad_id,day,ad_set_id,cost\n"
                + account + ",1,2026-05-01,2,3\n", token);
        assertThat(header.status()).isEqualTo(422);
        assertThat(located(header)).containsExactly("1:cost:UNKNOWN_COLUMN", "1:campaign_id:MISSING_COLUMN");
        Answer rows = calls.post("ad-stats", IngestCalls.CSV, "account_id,ad_id,day,ad_set_id,campaign_id,clicks,spend\n"
                + account + ",1,2026-05-01,2,3,1,1.5\n"
                + account + ",1,2026-05-32,2,3,1,1.5\n"
                + account + ",2,2026-05-01,2,3,-1,1.5\n"
                + account + ",3,2026-05-01,2,3,1,0.12345\n"
                + account + ",4,2026-05-01,2,3\n", token);
        assertThat(rows.status()).isEqualTo(422);
        assertThat(located(rows)).containsExactly("3:day:INVALID_VALUE", "4:clicks:INVALID_VALUE",
                "5:spend:INVALID_VALUE", "6:-:MALFORMED_ROW");
        assertThat(calls.report("METRICS clicks " + MAY, token).get("rows").toString()).doesNotContain("1");
    }

    @Test
    void aRowOutsideThePartitionsIsALocated422() {
        long account = 9_200_009L;
        String token = calls.writer("ingest-partitions", List.of(account));
        Answer events = calls.post("events", IngestCalls.NDJSON, event(account, 1, "2026-05-02T10:00:00Z")
                + event(account, 2, "1990-01-01T00:00:00Z"), token);
        assertThat(events.status()).as(events.body().toString()).isEqualTo(422);
        assertThat(located(events)).containsExactly("2:created_at:OUTSIDE_PARTITIONS");
        assertThat(events.body().get("errors").get(0).get("detail").asText()).contains("partitions cover");
        Answer stats = calls.post("ad-stats", IngestCalls.CSV,
                "account_id,ad_id,day,ad_set_id,campaign_id\n" + account + ",1,2999-12-31,1,1\n", token);
        assertThat(located(stats)).containsExactly("2:day:OUTSIDE_PARTITIONS");
        assertThat(events(account, token)).isZero();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyIsNotAppliedTwice() {
        long account = 9_200_010L;
        String token = calls.writer("ingest-idempotent", List.of(account));
        String body = event(account, 1, "2026-05-02T10:00:00Z") + event(account, 2, "2026-05-02T11:00:00Z");
        Answer failed = calls.post("events", IngestCalls.NDJSON, body + "{}\n", token, "Idempotency-Key", "batch-1");
        assertThat(failed.status()).as("a refused batch does not use up its key").isEqualTo(422);
        Answer first = calls.post("events", IngestCalls.NDJSON, body, token, "Idempotency-Key", "batch-1");
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.body().get("replayed").asBoolean()).isFalse();
        Answer retry = calls.post("events", IngestCalls.NDJSON, body, token, "Idempotency-Key", "batch-1");
        assertThat(retry.status()).as(retry.body().toString()).isEqualTo(200);
        assertThat(retry.body().get("replayed").asBoolean()).isTrue();
        assertThat(retry.body().get("rows").asLong()).isEqualTo(2);
        assertThat(events(account, token)).isEqualTo(2);
        Answer otherCaller = calls.post("events", IngestCalls.NDJSON, event(account, 3, "2026-05-02T12:00:00Z"),
                calls.writer("someone-else", List.of(account)), "Idempotency-Key", "batch-1");
        assertThat(otherCaller.body().get("replayed").asBoolean()).as("keys are per caller").isFalse();
        assertThat(events(account, token)).isEqualTo(3);
        assertThat(calls.post("events", IngestCalls.NDJSON, body, token, "Idempotency-Key", "bad key").code())
                .isEqualTo("INVALID_IDEMPOTENCY_KEY");
    }

    @Test
    void aDifferentBatchUnderAUsedKeyIsRefusedNotSilentlyReplayed() {
        long account = 9_200_040L;
        String token = calls.writer("ingest-key-reuse", List.of(account));
        String body = event(account, 1, "2026-05-03T10:00:00Z");
        assertThat(calls.post("events", IngestCalls.NDJSON, body, token, "Idempotency-Key", "daily").status())
                .isEqualTo(200);
        Answer other = calls.post("events", IngestCalls.NDJSON, event(account, 2, "2026-05-03T11:00:00Z"), token,
                "Idempotency-Key", "daily");
        assertThat(other.status()).as(other.body().toString()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(other.body().get("detail").asText()).contains("'daily'", "different body", "new key");
        assertThat(events(account, token)).isEqualTo(1);
        Answer same = calls.post("events", IngestCalls.NDJSON, body, token, "Idempotency-Key", "daily");
        assertThat(same.body().get("replayed").asBoolean()).isTrue();
    }

    @Test
    void anEventWhoseKeyIsStoredRefusesTheBatch() {
        long account = 9_200_011L;
        String token = calls.writer("ingest-duplicate", List.of(account));
        assertThat(calls.post("events", IngestCalls.NDJSON, event(account, 1, "2026-05-02T10:00:00Z"), token)
                .status()).isEqualTo(200);
        Answer duplicate = calls.post("events", IngestCalls.NDJSON, event(account, 2, "2026-05-02T10:00:00Z")
                + event(account, 1, "2026-05-02T10:00:00Z"), token);
        assertThat(duplicate.status()).as(duplicate.body().toString()).isEqualTo(422);
        assertThat(duplicate.code()).isEqualTo("DUPLICATE_ROW");
        assertThat(duplicate.body().get("detail").asText()).contains("(" + account + ", 1, ");
        if (duplicate.body().has("line")) { // PostgreSQL names the COPY line; Citus relays the worker's error without
            assertThat(duplicate.body().get("line").asLong()).isEqualTo(2);
        }
        assertThat(events(account, token)).isEqualTo(1);
    }

    @Test
    void ingestIsCountedInMetrics() {
        long account = 9_200_012L;
        String token = calls.writer("ingest-metrics", List.of(account));
        assertThat(calls.post("events", IngestCalls.NDJSON, event(account, 1, "2026-05-02T10:00:00Z"), token)
                .status()).isEqualTo(200);
        calls.post("events", IngestCalls.NDJSON, "{}\n", token);
        assertThat(calls.prometheus())
                .containsPattern("quarry_ingest_rows_total\\{table=\"events\"\\} [1-9]")
                .containsPattern("quarry_ingest_batches_total\\{result=\"applied\",table=\"events\"\\} [1-9]")
                .containsPattern("quarry_ingest_failures_total\\{reason=\"invalid_rows\",table=\"events\"\\} [1-9]");
    }

    /** "line:field:code" of each listed error. */
    private static List<String> located(Answer answer) {
        List<String> errors = new java.util.ArrayList<>();
        for (JsonNode error : answer.body().path("errors")) {
            errors.add(error.get("line").asLong() + ":" + error.path("field").asText("-") + ":"
                    + error.get("code").asText());
        }
        return errors;
    }
}
