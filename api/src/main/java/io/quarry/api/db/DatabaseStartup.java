package io.quarry.api.db;

import io.micronaut.context.annotation.Context;
import io.quarry.migrations.Migrator;
import io.quarry.migrations.demo.DemoDataExtension;
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
 * where configured, loads the quickstart demo data once. In the embedded demo mode it also keeps
 * the demo data's last day at yesterday (UTC), so relative ranges such as LAST_7_DAYS keep
 * finding data: days missing since the last start are generated with the same seed (a failed
 * extension only logs a warning). A configured database is never extended. Any other failure
 * stops the start.
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
            LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
            loadDemoDataOnce(new DemoDataLoader(direct.dataSource()), yesterday);
            if (embedded.isPresent()) {
                extendDemoData(new DemoDataExtension(direct.dataSource()), yesterday);
            }
        }
    }

    /** A failed extension changed nothing (one transaction): the demo serves its data as it is. */
    private static void extendDemoData(DemoDataExtension extension, LocalDate through) {
        try {
            extension.extendTo(through);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Demo data not extended to {}; it is served as it is, and the next start tries again", through, e);
        }
    }

    private static void loadDemoDataOnce(DemoDataLoader loader, LocalDate end) throws SQLException {
        if (loader.hasLoaded()) {
            LOG.info("Demo data already loaded");
        } else if (!loader.tenantTablesEmpty()) {
            LOG.info("Tenant tables hold data: demo data not loaded");
        } else {
            loader.load(DemoDataSpec.quickstart(end));
        }
    }
}
