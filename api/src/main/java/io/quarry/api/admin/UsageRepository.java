package io.quarry.api.admin;

import io.quarry.api.db.DirectDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Citus's per-tenant statistics of Quarry's colocation groups ({@code citus_stat_tenants}). */
@Singleton
final class UsageRepository {

    private static final String TENANTS = "SELECT tenant_attribute,"
            + " sum(query_count_in_this_period), sum(query_count_in_last_period),"
            + " sum(read_count_in_this_period), sum(read_count_in_last_period),"
            + " sum(cpu_usage_in_this_period), sum(cpu_usage_in_last_period)"
            + " FROM citus_stat_tenants WHERE colocation_id IN (SELECT p.colocationid FROM pg_dist_partition p"
            + "   JOIN pg_class c ON c.oid = p.logicalrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + "   WHERE n.nspname = current_schema() AND p.partmethod = 'h')"
            + " GROUP BY tenant_attribute"
            + " ORDER BY sum(cpu_usage_in_this_period) + sum(cpu_usage_in_last_period) DESC, tenant_attribute LIMIT ?";

    private final DirectDataSource dataSource;

    UsageRepository(DirectDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The tenants Citus tracks, most CPU first; empty on PostgreSQL. */
    Optional<UsageView.Citus> citus(int limit) throws SQLException {
        try (Connection connection = dataSource.connection()) {
            if (!TenantRepository.citus(connection)) {
                return Optional.empty();
            }
            String track;
            int period;
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT current_setting('citus.stat_tenants_track'),"
                         + " current_setting('citus.stat_tenants_period')::int")) {
                rows.next();
                track = rows.getString(1);
                period = rows.getInt(2);
            }
            List<UsageView.Tenant> tenants = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(TENANTS)) {
                statement.setInt(1, limit);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        tenants.add(new UsageView.Tenant(rows.getString(1), rows.getLong(2), rows.getLong(3),
                                rows.getLong(4), rows.getLong(5), rows.getDouble(6), rows.getDouble(7)));
                    }
                }
            }
            return Optional.of(new UsageView.Citus(track, period, tenants));
        }
    }
}
