package io.quarry.migrations;

import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies Quarry's Flyway migrations to a database.
 *
 * <p>The migrations go into the connection's current schema (set it with the JDBC URL's
 * {@code currentSchema} parameter; {@code public} otherwise). The same migrations run on plain
 * PostgreSQL and on a Citus coordinator: the Citus-only steps check for the extension
 * themselves. This is the only code that migrates: the api calls it at startup and the test
 * suites call it on their test schema.
 */
public final class Migrator {

    /** Where the SQL migrations live inside this module's jar. */
    public static final String LOCATION = "classpath:io/quarry/migrations/db";

    private final DataSource dataSource;

    public Migrator(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Applies every pending migration and returns how many ran. */
    public int migrate() {
        Flyway flyway = flyway();
        ReleasedChecksums.realign(flyway, dataSource);
        MigrateResult result = flyway.migrate();
        return result.migrationsExecuted;
    }

    private Flyway flyway() {
        return Flyway.configure(Migrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                .failOnMissingLocations(true)
                .load();
    }
}
