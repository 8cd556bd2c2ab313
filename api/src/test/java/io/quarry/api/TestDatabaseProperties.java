package io.quarry.api;

import io.quarry.testdb.TestDatabase;
import java.util.Map;

/** Server properties that point the api at the test database (and its test schema). */
public final class TestDatabaseProperties {

    private TestDatabaseProperties() {
    }

    public static Map<String, String> get() {
        TestDatabase database = TestDatabase.get();
        return Map.of(
                "datasources.default.url", database.jdbcUrl(),
                "datasources.default.username", database.username(),
                "datasources.default.password", database.password(),
                "quarry.demo-data.enabled", "false");
    }
}
