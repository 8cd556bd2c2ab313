package io.quarry.testdb;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one provider of a real database for every database test, one per test JVM.
 *
 * <p>Where it comes from, in order:
 * <ol>
 *   <li>{@code QUARRY_TEST_DATABASE_URL} (with {@code QUARRY_TEST_DATABASE_USER} and
 *       {@code QUARRY_TEST_DATABASE_PASSWORD}): an external PostgreSQL or Citus coordinator,
 *       prepared by whoever gives the URL (extensions, workers);</li>
 *   <li>a {@code citusdata/citus} container, where a Docker daemon answers;</li>
 *   <li>an embedded PostgreSQL started in a temporary directory.</li>
 * </ol>
 * In every case the tests work in a fresh schema, created here and dropped when the JVM exits,
 * so a shared database is left as it was found. The data source's connections have that schema
 * as their search path ({@code currentSchema} in the URL), then {@code public}, where the
 * database's extensions (hll) live, as they do for a deployment in its own schema.
 */
public final class TestDatabase {

    public static final String URL_VARIABLE = "QUARRY_TEST_DATABASE_URL";
    public static final String USER_VARIABLE = "QUARRY_TEST_DATABASE_USER";
    public static final String PASSWORD_VARIABLE = "QUARRY_TEST_DATABASE_PASSWORD";

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
    private static volatile TestDatabase instance;

    private final DatabaseServer server;
    private final String schema;
    private final String jdbcUrl;
    private final HikariDataSource dataSource;
    private final boolean citus;
    private final List<String> scratchSchemas = new CopyOnWriteArrayList<>();
    private final List<HikariDataSource> scratchPools = new CopyOnWriteArrayList<>();

    private TestDatabase(DatabaseServer server) throws SQLException {
        this.server = server;
        this.schema = "quarry_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = serverConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            try (ResultSet rs = statement.executeQuery(
                    "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus')")) {
                rs.next();
                this.citus = rs.getBoolean(1);
            }
        }
        this.jdbcUrl = withParameter(server.jdbcUrl(), "currentSchema", schema + ",public");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(server.username());
        config.setPassword(server.password());
        config.setMaximumPoolSize(8);
        config.setPoolName("quarry-test");
        this.dataSource = new HikariDataSource(config);
        LOG.info("Test database: {} ({}), schema {}{}", server.description(), server.jdbcUrl(), schema,
                citus ? ", Citus" : "");
    }

    /** The test database of this JVM, started on first use. */
    public static TestDatabase get() {
        TestDatabase current = instance;
        if (current == null) {
            synchronized (TestDatabase.class) {
                current = instance;
                if (current == null) {
                    current = start();
                    instance = current;
                    Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "quarry-test-database-stop"));
                }
            }
        }
        return current;
    }

    private static TestDatabase start() {
        DatabaseServer server;
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            server = new ExternalServer(url, System.getenv(USER_VARIABLE), System.getenv(PASSWORD_VARIABLE));
        } else if (CitusContainerServer.dockerAvailable()) {
            server = CitusContainerServer.start();
        } else {
            server = EmbeddedServer.start();
        }
        try {
            return new TestDatabase(server);
        } catch (SQLException e) {
            server.close();
            throw new IllegalStateException("could not prepare the test database at " + server.jdbcUrl(), e);
        }
    }

    /** A pooled data source whose connections work in this JVM's test schema. */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * A data source on a new empty schema of the same database, for tests that need a database
     * of their own (an upgrade from an earlier release, say). Dropped with the test schema.
     */
    public ScratchSchema scratchSchema(String purpose) {
        String name = schema + "_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        try (Connection connection = serverConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create schema " + name, e);
        }
        scratchSchemas.add(name);
        String url = withParameter(server.jdbcUrl(), "currentSchema", name + ",public");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(server.username());
        config.setPassword(server.password());
        config.setMaximumPoolSize(4);
        config.setPoolName("quarry-test-" + name);
        HikariDataSource pool = new HikariDataSource(config);
        scratchPools.add(pool);
        return new ScratchSchema(name, url, pool);
    }

    /** A schema of its own: its name, a JDBC URL whose connections work in it, and a pool. */
    public record ScratchSchema(String name, String jdbcUrl, DataSource dataSource) {
    }

    /** The JDBC URL of the test schema (it carries {@code currentSchema}). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return server.username();
    }

    public String password() {
        return server.password();
    }

    public String schema() {
        return schema;
    }

    /** Whether the database is a Citus coordinator. */
    public boolean citus() {
        return citus;
    }

    /** Which of the three settings this is, for test logs. */
    public String description() {
        return server.description();
    }

    private Connection serverConnection() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
    }

    private void stop() {
        dataSource.close();
        scratchPools.forEach(HikariDataSource::close);
        try (Connection connection = serverConnection();
             Statement statement = connection.createStatement()) {
            for (String scratch : scratchSchemas) {
                statement.execute("DROP SCHEMA IF EXISTS " + scratch + " CASCADE");
            }
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            LOG.warn("Could not drop test schema {}: {}", schema, e.getMessage());
        } finally {
            server.close();
        }
    }

    static String withParameter(String url, String name, String value) {
        String separator = url.contains("?") ? "&" : "?";
        if (url.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT) + "=")) {
            throw new IllegalArgumentException(URL_VARIABLE + " must not set " + name
                    + ": the tests choose their own schema");
        }
        return url + separator + name + "=" + value;
    }
}
