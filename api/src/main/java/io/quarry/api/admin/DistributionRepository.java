package io.quarry.api.admin;

import io.quarry.planner.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The catalog reads and Citus calls of {@link Distribution}, on the one connection it holds.
 * Table names come from the catalog and are quoted ({@link Identifiers#quote}) or bound as
 * {@code regclass}; a foreign key is re-created from its own definition
 * ({@code pg_get_constraintdef}), read from the catalog before it was dropped.
 */
final class DistributionRepository {

    /** Tables of the schema that are not partitions, with whether they have account_id and are distributed already. */
    private static final String TABLES = "SELECT c.relname,"
            + " EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'account_id'"
            + "   AND NOT a.attisdropped),"
            + " EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = c.oid)"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
            + " ORDER BY c.relname";
    /** Foreign keys declared on the schema's tables (not their copies on partitions), with their targets. */
    private static final String FOREIGN_KEYS = "SELECT src.relname, k.conname, dst.relname, pg_get_constraintdef(k.oid)"
            + " FROM pg_constraint k JOIN pg_class src ON src.oid = k.conrelid JOIN pg_class dst ON dst.oid = k.confrelid"
            + " JOIN pg_namespace n ON n.oid = src.relnamespace"
            + " WHERE k.contype = 'f' AND k.conparentid = 0 AND n.nspname = current_schema()"
            + " ORDER BY src.relname, k.conname";

    private final Connection connection;
    private final String schema;

    DistributionRepository(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_schema()")) {
            rows.next();
            this.schema = rows.getString(1);
        }
    }

    /** A table of the schema: whether it is keyed by account and whether Citus manages it already. */
    record Table(String name, boolean tenant, boolean distributed) {
    }

    /** A foreign key: its table, name, referenced table and definition. */
    record ForeignKey(String table, String name, String references, String definition) {
    }

    void createExtension() throws SQLException {
        execute("CREATE EXTENSION IF NOT EXISTS citus");
    }

    void addWorker(String host, int port) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT citus_add_node(?, ?)")) {
            statement.setString(1, host);
            statement.setInt(2, port);
            statement.execute();
        }
    }

    int activeWorkers() throws SQLException {
        return (int) single("SELECT count(*) FROM citus_get_active_worker_nodes()");
    }

    List<Table> tables() throws SQLException {
        List<Table> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(TABLES)) {
            while (rows.next()) {
                tables.add(new Table(rows.getString(1), rows.getBoolean(2), rows.getBoolean(3)));
            }
        }
        return tables;
    }

    List<ForeignKey> foreignKeys() throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(FOREIGN_KEYS)) {
            while (rows.next()) {
                keys.add(new ForeignKey(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
            }
        }
        return keys;
    }

    void dropForeignKey(ForeignKey key) throws SQLException {
        execute("ALTER TABLE " + name(key.table()) + " DROP CONSTRAINT " + Identifiers.quote(key.name()));
    }

    /** One constraint per statement (Citus refuses several ADD CONSTRAINTs at once), one shard at a time. */
    void addForeignKey(ForeignKey key) throws SQLException {
        execute("SET citus.multi_shard_modify_mode TO 'sequential'");
        try {
            execute("ALTER TABLE " + name(key.table()) + " ADD CONSTRAINT " + Identifiers.quote(key.name()) + " "
                    + key.definition());
        } finally {
            execute("RESET citus.multi_shard_modify_mode");
        }
    }

    void createReferenceTable(String table) throws SQLException {
        call("SELECT create_reference_table(?::regclass)", table);
        call("SELECT truncate_local_data_after_distributing_table(?::regclass)", table);
    }

    /** Distributes {@code table} by account_id, colocated with {@code anchor} (itself for the anchor). */
    void createDistributedTable(String table, String anchor) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT create_distributed_table(?::regclass, 'account_id', colocate_with => ?)")) {
            statement.setString(1, name(table));
            statement.setString(2, table.equals(anchor) ? "default" : name(anchor));
            statement.execute();
        }
        call("SELECT truncate_local_data_after_distributing_table(?::regclass)", table);
    }

    /** Rows per account of a tenant table. */
    Map<Long, Long> rowsByAccount(String table) throws SQLException {
        Map<Long, Long> rows = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT account_id, count(*) FROM " + name(table)
                     + " GROUP BY account_id")) {
            while (result.next()) {
                rows.put(result.getLong(1), result.getLong(2));
            }
        }
        return rows;
    }

    private String name(String table) {
        return Identifiers.quote(schema) + "." + Identifiers.quote(table);
    }

    private void call(String sql, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name(table));
            statement.execute();
        }
    }

    private long single(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
