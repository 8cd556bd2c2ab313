package io.quarry.api.health;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.quarry.api.db.EmbeddedDatabase;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import io.quarry.api.db.DirectDataSource;
import javax.sql.DataSource;

/**
 * {@code /health} details of the database: the server and its version, whether Citus is
 * active and how many workers it has, and whether the database is Quarry's embedded one.
 */
@Singleton
@Requires(beans = DataSource.class)
public final class DatabaseHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private static final int TIMEOUT_SECONDS = 3;

    private final DataSource dataSource;
    private final boolean embedded;

    DatabaseHealthIndicator(DirectDataSource direct, Optional<EmbeddedDatabase> embedded) {
        this.dataSource = direct.dataSource();
        this.embedded = embedded.isPresent();
    }

    @Override
    public String getName() {
        return "database";
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", embedded ? "embedded" : "external");
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            details.put("database", "PostgreSQL");
            details.put("version", single(statement, "SELECT current_setting('server_version')"));
            details.put("schema", single(statement, "SELECT current_schema()"));
            details.put("citus", citus(statement));
            healthStatus = HealthStatus.UP;
        } catch (SQLException e) {
            healthStatus = HealthStatus.DOWN;
            details.put("error", e.getSQLState() == null ? "unavailable" : "SQLSTATE " + e.getSQLState());
        }
        return details;
    }

    private static Map<String, Object> citus(Statement statement) throws SQLException {
        Map<String, Object> citus = new LinkedHashMap<>();
        String version = single(statement, "SELECT extversion FROM pg_extension WHERE extname = 'citus'");
        citus.put("active", version != null);
        if (version != null) {
            citus.put("version", version);
            citus.put("workers", Integer.parseInt(
                    single(statement, "SELECT count(*) FROM citus_get_active_worker_nodes()")));
        }
        return citus;
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
