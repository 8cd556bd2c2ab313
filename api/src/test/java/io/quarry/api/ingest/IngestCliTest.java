package io.quarry.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.ApiTest;
import io.quarry.api.TestDatabaseProperties;
import io.quarry.api.cli.Ingest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./quarry ingest}: files posted to the running server, one batch each, the table from the
 * file name; running it again stores nothing twice (the key is the file's digest), and a refused
 * file is reported by line with a failing exit status.
 */
@MicronautTest
class IngestCliTest extends ApiTest {

    private static final long ACCOUNT = 9_200_201L;

    @Inject
    EmbeddedServer server;

    @TempDir
    Path directory;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabaseProperties.get());
        properties.put("quarry.cache.ttl", "0s");
        return properties;
    }

    @Test
    void filesArePostedOnceEachAndRefusalsAreReportedByLine() throws Exception {
        IngestCalls calls = new IngestCalls(server.getURL(), tokens);
        String token = calls.writer("cli", List.of(ACCOUNT));
        Path events = Files.writeString(directory.resolve("events-may.ndjson"), "{\"account_id\": " + ACCOUNT
                + ", \"event_id\": 1, \"created_at\": \"2026-05-10T10:00:00Z\", \"name\": \"lead\"}\n");
        Path stats = Files.writeString(directory.resolve("ad_stats.csv"), "account_id,ad_id,day,ad_set_id,campaign_id,spend\n"
                + ACCOUNT + ",1,2026-05-10,1,1,4.5\n");
        String[] args = {"--url", server.getURL().toString(), "--token", token, events.toString(), stats.toString()};

        Output first = run(args);
        assertThat(first.status).as(first.err).isZero();
        assertThat(first.out).contains("1 rows stored into events").contains("1 rows stored into ad-stats");
        Output again = run(args);
        assertThat(again.status).isZero();
        assertThat(again.out).contains("already applied");
        String may = " WHERE date BETWEEN DATE '2026-05-01' AND DATE '2026-05-31' TIMEZONE 'UTC'";
        assertThat(calls.single("METRICS event_count" + may, token)).isEqualTo("1");
        assertThat(calls.single("METRICS spend" + may, token)).isEqualTo("4.5");

        Path bad = Files.writeString(directory.resolve("events-bad.ndjson"), "{\"account_id\": " + ACCOUNT
                + ", \"event_id\": 2, \"created_at\": \"yesterday\", \"name\": \"lead\"}\n");
        Output refused = run(new String[] {"--url", server.getURL().toString(), "--token", token, bad.toString()});
        assertThat(refused.status).isEqualTo(1);
        assertThat(refused.err).contains("422 INVALID_ROWS").contains("line 1 (created_at)");
        assertThat(run(new String[] {"--token", token, directory.resolve("nothing.csv").toString()}).status)
                .isEqualTo(2);
    }

    private static Output run(String[] args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Ingest.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Output(int status, String out, String err) {
    }
}
