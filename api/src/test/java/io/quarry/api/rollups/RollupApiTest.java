package io.quarry.api.rollups;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.quarry.api.ApiTest;
import io.quarry.api.TestDatabaseProperties;
import io.quarry.planner.model.SemanticModel;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;

/**
 * The base of rollup tests through the real server whose rollups refresh only when a test says
 * so: the schedule and the debounce are an hour away. Every rollup is built before the first
 * test. Tests write their own accounts of the 93000xx range in May 2026 (inside the demo data's
 * partitions; facts need no account rows), and read reports in those accounts only.
 */
abstract class RollupApiTest extends ApiTest {

    static final String MAY = "WHERE date BETWEEN DATE '2026-05-01' AND DATE '2026-05-31'";
    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";

    @Inject
    EmbeddedServer server;

    @Inject
    RollupMaintenance maintenance;

    @Inject
    SemanticModel model;

    RollupCalls calls;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabaseProperties.get());
        properties.put("quarry.cache.ttl", "0s"); // a report before and after a refresh must not share a result
        properties.put("quarry.rollups.interval", "1h");
        properties.put("quarry.rollups.initial-delay", "1h");
        properties.put("quarry.rollups.debounce", "1h");
        return properties;
    }

    @BeforeAll
    void buildRollups() throws SQLException {
        calls = new RollupCalls(server.getURL(), tokens);
        refresh();
    }

    /** Refreshes every rollup that needs it, as the job does after ingest; all of them must succeed. */
    List<RollupRefresher.Outcome> refresh() throws SQLException {
        List<RollupRefresher.Outcome> outcomes = maintenance.run(model.rollups(), Optional.empty());
        assertThat(Facts.query("SELECT rollup, dirty_from, last_error FROM quarry_rollup_state"
                + " WHERE dirty_from IS NOT NULL OR last_error IS NOT NULL")).as("rollups not refreshed").isEmpty();
        return outcomes;
    }

    /** A rollup's dirty_from (as text, in UTC) and last_error. */
    static List<String> state(String rollup) throws SQLException {
        return Facts.query("SELECT to_char(dirty_from AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS'), last_error"
                + " FROM quarry_rollup_state WHERE rollup = ?", rollup).get(0);
    }
}
