package io.quarry.api.rollups;

import io.quarry.api.db.DatabaseStartup;
import io.quarry.api.db.DirectDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database has the hll extension, read once at startup after the migrations (V13
 * creates it where it is available, and gives {@code events_hourly} its sketch column then).
 * With it, approximate distinct counts are hll sketches, merged across rollup rows; without it
 * they are exact distinct counts over the facts.
 */
@Singleton
public final class HllExtension {

    private static final Logger LOG = LoggerFactory.getLogger(HllExtension.class);

    private final boolean installed;

    HllExtension(DirectDataSource dataSource, DatabaseStartup migrated) throws SQLException {
        try (Connection connection = dataSource.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'hll')")) {
            rows.next();
            installed = rows.getBoolean(1);
        }
        LOG.info("hll extension {}: approximate distinct counts are {}", installed ? "installed" : "not installed",
                installed ? "hll sketches" : "exact");
    }

    public boolean installed() {
        return installed;
    }
}
