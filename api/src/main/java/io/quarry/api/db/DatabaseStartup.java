package io.quarry.api.db;

import io.micronaut.context.annotation.Context;
import io.quarry.migrations.Migrator;
import io.quarry.migrations.demo.DemoDataLoader;
import io.quarry.migrations.demo.DemoDataSpec;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database up to date before Quarry serves a request: applies the migrations and,
 * where configured, loads the quickstart demo data once. A failure stops the start.
 */
@Context
public final class DatabaseStartup {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStartup.class);

    DatabaseStartup(DirectDataSource direct, Optional<EmbeddedDatabase> embedded,
                    DemoDataConfiguration demoData) throws SQLException {
        int applied = new Migrator(direct.dataSource()).migrate();
        LOG.info("Database schema up to date ({} migrations applied now)", applied);
        boolean loadDemo = demoData.enabled() != null ? demoData.enabled() : embedded.isPresent();
        if (loadDemo) {
            loadDemoDataOnce(new DemoDataLoader(direct.dataSource()));
        }
    }

    private static void loadDemoDataOnce(DemoDataLoader loader) throws SQLException {
        if (loader.hasLoaded()) {
            LOG.info("Demo data already loaded");
        } else if (!loader.tenantTablesEmpty()) {
            LOG.info("Tenant tables hold data: demo data not loaded");
        } else {
            loader.load(DemoDataSpec.quickstart(LocalDate.now(ZoneOffset.UTC).minusDays(1)));
        }
    }
}
