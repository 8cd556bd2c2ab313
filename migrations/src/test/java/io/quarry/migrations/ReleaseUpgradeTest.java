package io.quarry.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/**
 * A database that the previous release migrated starts with this one and keeps its data.
 *
 * <p>{@code previous-release/} holds the migration scripts exactly as release e25c09c shipped
 * them. On plain PostgreSQL all nine applied; on Citus that release stopped at V6 (several
 * ADD CONSTRAINTs in one ALTER TABLE), leaving V1-V5. Both must migrate to today's schema.
 */
class ReleaseUpgradeTest {

    private static final String PREVIOUS_RELEASE = "classpath:io/quarry/migrations/previous-release";

    @Test
    void aDatabaseOfThePreviousReleaseMigratesAndKeepsItsData() throws SQLException {
        DataSource dataSource = TestDatabase.get().scratchSchema("upgrade").dataSource();
        Flyway previous = Flyway.configure(getClass().getClassLoader()).dataSource(dataSource)
                .locations(PREVIOUS_RELEASE).load();
        if (TestDatabase.get().citus()) {
            assertThatThrownBy(previous::migrate).hasStackTraceContaining(
                    "cannot execute ADD CONSTRAINT command with other subcommands");
            assertThat(appliedVersions(dataSource)).containsExactly("1", "2", "3", "4", "5");
        } else {
            assertThat(previous.migrate().migrationsExecuted).isEqualTo(9);
        }
        execute(dataSource, "INSERT INTO accounts (account_id, name, currency, country, timezone)"
                + " VALUES (41, 'kept', 'EUR', 'FI', 'Europe/Helsinki')");

        int executed = new Migrator(dataSource).migrate();

        Flyway current = Flyway.configure(getClass().getClassLoader()).dataSource(dataSource)
                .locations(Migrator.LOCATION).load();
        assertThat(current.info().pending()).isEmpty();
        assertThat(appliedVersions(dataSource)).isEqualTo(Arrays.stream(current.info().all())
                .map(info -> info.getVersion().getVersion()).toList());
        assertThat(executed).isEqualTo(current.info().all().length - (TestDatabase.get().citus() ? 5 : 9));
        assertThat(query(dataSource, "SELECT name FROM accounts WHERE account_id = 41")).containsExactly("kept");
        assertThat(query(dataSource, "SELECT conname FROM pg_constraint WHERE contype = 'f'"
                + " AND connamespace = current_schema()::regnamespace AND conrelid = 'ads'::regclass ORDER BY 1"))
                .containsExactly("ads_ad_set_fkey", "ads_campaign_fkey");
        current.validate();
    }

    @Test
    void anyOtherEditedMigrationStillFailsValidation() throws SQLException {
        DataSource dataSource = TestDatabase.get().scratchSchema("edited").dataSource();
        new Migrator(dataSource).migrate();
        execute(dataSource, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '7'");
        assertThatThrownBy(() -> new Migrator(dataSource).migrate())
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("checksum mismatch for migration version 7");
    }

    private static List<String> appliedVersions(DataSource dataSource) throws SQLException {
        return query(dataSource, "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank");
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> query(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }
}
