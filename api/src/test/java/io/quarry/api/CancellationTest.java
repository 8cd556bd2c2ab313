package io.quarry.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.testdb.TestDatabase;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client that goes away mid-query cancels its database query. The query is held on a table
 * lock taken by the test, so it is certainly still running when the client disconnects.
 */
@MicronautTest
class CancellationTest extends ApiTest {

    private static final String MARKER = "cancellation-test-report";

    @Inject
    EmbeddedServer server;

    @Test
    void disconnectingCancelsTheRunningQuery() throws Exception {
        try (Connection locker = TestDatabase.get().dataSource().getConnection();
             Statement lock = locker.createStatement()) {
            locker.setAutoCommit(false);
            lock.execute("LOCK TABLE campaigns IN ACCESS EXCLUSIVE MODE");
            String body = "DIMENSIONS campaign.objective AS \"" + MARKER + "\" METRICS spend WHERE date DURING LAST_30_DAYS";
            try (Socket socket = new Socket("localhost", server.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/reports/query HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                        + "Authorization: Bearer " + token("canceller", List.of(1L)) + "\r\nContent-Length: "
                        + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertThat(waitFor(1)).as("the report query waits on the lock").isTrue();
            }
            assertThat(waitFor(0)).as("the query was cancelled after the client left").isTrue();
            locker.rollback();
        }
    }

    /** Waits up to ten seconds until {@code count} report queries wait on the lock. */
    private static boolean waitFor(int count) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (waiting() == count) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static int waiting() throws Exception {
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
                     + " AND query LIKE '%" + MARKER + "%' AND query NOT LIKE '%pg_stat_activity%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
