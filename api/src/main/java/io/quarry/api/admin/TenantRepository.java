package io.quarry.api.admin;

import io.quarry.api.db.DirectDataSource;
import io.quarry.planner.sql.Identifiers;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what tenants occupy, from the catalogs of the schema Quarry works in: its tenant tables
 * (every table with an {@code account_id} column that is not a partition; on Citus, the
 * hash-distributed ones), the rows each account has in each, and where the bytes are: on Citus
 * the shard ranges of each table with their node and size ({@code citus_shards}, partitions
 * summed into their table's shard), on PostgreSQL each table's total size.
 */
@Singleton
final class TenantRepository {

    private static final String TENANT_TABLES = "SELECT c.relname FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
            + " AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'account_id'"
            + " AND NOT a.attisdropped)";
    private static final String DISTRIBUTED = " AND EXISTS (SELECT 1 FROM pg_dist_partition p"
            + " WHERE p.logicalrelid = c.oid AND p.partmethod = 'h')";
    private static final String SHARD_RANGES = "SELECT root.relname, ps.shardminvalue::int, ps.shardmaxvalue::int,"
            + " cs.shardid, cs.nodename || ':' || cs.nodeport, cs.shard_size, cs.table_name = root.oid"
            + " FROM pg_catalog.citus_shards cs"
            + " JOIN pg_dist_shard ps ON ps.shardid = cs.shardid"
            + " JOIN pg_class root ON root.oid = coalesce(pg_partition_root(cs.table_name), cs.table_name)"
            + " JOIN pg_namespace n ON n.oid = root.relnamespace"
            + " WHERE n.nspname = current_schema() AND cs.citus_table_type = 'distributed'"
            + " ORDER BY root.relname, ps.shardminvalue::int";

    private final DirectDataSource dataSource;

    TenantRepository(DirectDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One shard of a tenant table: its hash range, node and bytes (its partitions' shards included). */
    record ShardRange(String table, long shardId, int min, int max, String node, long bytes) {

        boolean holds(int hash) {
            return hash >= min && hash <= max;
        }

        /** Holds a single hash value: the shard of one isolated tenant. */
        boolean isolated() {
            return min == max;
        }
    }

    /** A tenant table's rows per account and, on PostgreSQL, its total bytes (0 on Citus). */
    record TableRows(String table, Map<Long, Long> rowsByAccount, long bytes) {
    }

    /** Everything tenant sizes are computed from, read on one connection. */
    record Occupancy(boolean distributed, List<TableRows> tables, List<ShardRange> shards, Map<Long, Integer> hashes) {
    }

    /** Where each tenant table's shard for an account lies, and whether the account exists. */
    record Placement(boolean accountExists, List<ShardRange> shards) {
    }

    boolean citus() throws SQLException {
        try (Connection connection = dataSource.connection()) {
            return citus(connection);
        }
    }

    Occupancy occupancy() throws SQLException {
        try (Connection connection = dataSource.connection()) {
            boolean citus = citus(connection);
            String schema = text(connection, "SELECT current_schema()");
            List<TableRows> tables = new ArrayList<>();
            for (String table : tenantTables(connection, citus)) {
                tables.add(new TableRows(table, rowsByAccount(connection, schema, table),
                        citus ? 0 : tableBytes(connection, schema, table)));
            }
            if (!citus) {
                return new Occupancy(false, tables, List.of(), Map.of());
            }
            List<Long> accounts = tables.stream().flatMap(t -> t.rowsByAccount().keySet().stream()).distinct().toList();
            return new Occupancy(true, tables, shardRanges(connection), hashes(connection, accounts));
        }
    }

    /** The shards of every tenant table that hold {@code account} (Citus only). */
    Placement placement(long account) throws SQLException {
        try (Connection connection = dataSource.connection()) {
            int hash = hashes(connection, List.of(account)).get(account);
            List<ShardRange> shards = shardRanges(connection).stream().filter(s -> s.holds(hash)).toList();
            boolean exists;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT EXISTS (SELECT 1 FROM accounts WHERE account_id = ?)")) {
                statement.setLong(1, account);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    exists = rows.getBoolean(1);
                }
            }
            return new Placement(exists, shards);
        }
    }

    /** One hash-distributed tenant table per colocation group: what isolating with CASCADE is called on. */
    List<String> colocationAnchors() throws SQLException {
        try (Connection connection = dataSource.connection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT DISTINCT ON (p.colocationid) c.relname"
                     + " FROM pg_dist_partition p JOIN pg_class c ON c.oid = p.logicalrelid"
                     + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                     + " WHERE n.nspname = current_schema() AND p.partmethod = 'h' AND NOT c.relispartition"
                     + " ORDER BY p.colocationid, c.relname")) {
            List<String> anchors = new ArrayList<>();
            while (rows.next()) {
                anchors.add(rows.getString(1));
            }
            return anchors;
        }
    }

    static boolean citus(Connection connection) throws SQLException {
        return text(connection, "SELECT extversion FROM pg_extension WHERE extname = 'citus'") != null;
    }

    private static List<String> tenantTables(Connection connection, boolean citus) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(TENANT_TABLES + (citus ? DISTRIBUTED : "") + " ORDER BY c.relname")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static Map<Long, Long> rowsByAccount(Connection connection, String schema, String table)
            throws SQLException {
        Map<Long, Long> rows = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT account_id, count(*) FROM "
                     + Identifiers.quote(schema) + "." + Identifiers.quote(table) + " GROUP BY account_id")) {
            while (result.next()) {
                rows.put(result.getLong(1), result.getLong(2));
            }
        }
        return rows;
    }

    private static long tableBytes(Connection connection, String schema, String table) throws SQLException {
        // pg_partition_tree lists nothing for a table that is not partitioned.
        try (PreparedStatement statement = connection.prepareStatement("SELECT coalesce(sum(pg_total_relation_size(relid)),"
                + " pg_total_relation_size(?::regclass)) FROM pg_partition_tree(?::regclass)")) {
            String name = Identifiers.quote(schema) + "." + Identifiers.quote(table);
            statement.setString(1, name);
            statement.setString(2, name);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<ShardRange> shardRanges(Connection connection) throws SQLException {
        Map<String, ShardRange> ranges = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(SHARD_RANGES)) {
            while (rows.next()) {
                String table = rows.getString(1);
                int min = rows.getInt(2);
                String key = table + "/" + min;
                ShardRange seen = ranges.get(key);
                long bytes = rows.getLong(6) + (seen == null ? 0 : seen.bytes());
                boolean root = rows.getBoolean(7);
                ranges.put(key, new ShardRange(table, root || seen == null ? rows.getLong(4) : seen.shardId(), min,
                        rows.getInt(3), rows.getString(5), bytes));
            }
        }
        return List.copyOf(ranges.values());
    }

    private static Map<Long, Integer> hashes(Connection connection, Collection<Long> accounts) throws SQLException {
        Map<Long, Integer> hashes = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT a, worker_hash(a) FROM unnest(?::bigint[]) AS a")) {
            Array ids = connection.createArrayOf("bigint", accounts.toArray());
            statement.setArray(1, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    hashes.put(rows.getLong(1), rows.getInt(2));
                }
            }
        }
        return hashes;
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
