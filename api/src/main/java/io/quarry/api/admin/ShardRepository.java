package io.quarry.api.admin;

import io.quarry.api.db.DirectDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the Citus metadata of the shard map ({@code pg_dist_node}, {@code citus_shards}, {@code citus_tables}). */
@Singleton
final class ShardRepository {

    /** Every primary node with the shards of Quarry's schema on it and whether the coordinator reaches it. */
    private static final String NODES = "SELECT n.nodename || ':' || n.nodeport,"
            + " CASE WHEN n.groupid = 0 THEN 'coordinator' ELSE 'worker' END, n.isactive, n.shouldhaveshards,"
            + " n.isactive AND citus_check_connection_to_node(n.nodename, n.nodeport),"
            + " count(s.shardid), coalesce(sum(s.shard_size), 0)"
            + " FROM pg_dist_node n LEFT JOIN (SELECT cs.nodename, cs.nodeport, cs.shardid, cs.shard_size"
            + "   FROM pg_catalog.citus_shards cs JOIN pg_class c ON c.oid = cs.table_name"
            + "   JOIN pg_namespace ns ON ns.oid = c.relnamespace"
            + "   WHERE ns.nspname = current_schema() AND cs.citus_table_type = 'distributed') s"
            + " ON s.nodename = n.nodename AND s.nodeport = n.nodeport"
            + " WHERE n.noderole = 'primary'"
            + " GROUP BY n.nodeid, n.nodename, n.nodeport, n.groupid, n.isactive, n.shouldhaveshards ORDER BY n.nodeid";
    private static final String GROUPS = "SELECT p.colocationid, max(t.shard_count),"
            + " array_agg(c.relname::text ORDER BY c.relname) FROM pg_dist_partition p"
            + " JOIN pg_class c ON c.oid = p.logicalrelid JOIN pg_namespace ns ON ns.oid = c.relnamespace"
            + " JOIN public.citus_tables t ON t.table_name = p.logicalrelid"
            + " WHERE ns.nspname = current_schema() AND p.partmethod = 'h' AND NOT c.relispartition"
            + " GROUP BY p.colocationid ORDER BY p.colocationid";
    private static final String REFERENCE = "SELECT c.relname, citus_total_relation_size(p.logicalrelid)"
            + " FROM pg_dist_partition p JOIN pg_class c ON c.oid = p.logicalrelid"
            + " JOIN pg_namespace ns ON ns.oid = c.relnamespace"
            + " WHERE ns.nspname = current_schema() AND p.partmethod = 'n' AND p.repmodel = 't' ORDER BY c.relname";

    private final DirectDataSource dataSource;

    ShardRepository(DirectDataSource dataSource) {
        this.dataSource = dataSource;
    }

    ShardMap read() throws SQLException {
        try (Connection connection = dataSource.connection(); Statement statement = connection.createStatement()) {
            String postgres = single(statement, "SELECT current_setting('server_version')");
            String citus = single(statement, "SELECT extversion FROM pg_extension WHERE extname = 'citus'");
            if (citus == null) {
                long bytes = Long.parseLong(single(statement, "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)"
                        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = current_schema() AND c.relkind = 'r'"));
                return new ShardMap(false, postgres, null, List.of(new ShardMap.Node("local", "local", true, true,
                        true, 0, bytes)), List.of(), List.of(), null, null);
            }
            List<ShardMap.Node> nodes = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(NODES)) {
                while (rows.next()) {
                    nodes.add(new ShardMap.Node(rows.getString(1), rows.getString(2), rows.getBoolean(3),
                            rows.getBoolean(4), rows.getBoolean(5), rows.getLong(6), rows.getLong(7)));
                }
            }
            List<ShardMap.ColocationGroup> groups = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(GROUPS)) {
                while (rows.next()) {
                    groups.add(new ShardMap.ColocationGroup(rows.getInt(1), rows.getInt(2),
                            Arrays.asList((String[]) rows.getArray(3).getArray())));
                }
            }
            List<ShardMap.ReferenceTable> references = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(REFERENCE)) {
                while (rows.next()) {
                    references.add(new ShardMap.ReferenceTable(rows.getString(1), rows.getLong(2)));
                }
            }
            List<ShardMap.Node> placing = nodes.stream().filter(n -> n.shouldHaveShards() && n.active()).toList();
            return new ShardMap(true, postgres, citus, nodes, groups, references,
                    skew(placing.stream().mapToLong(ShardMap.Node::bytes).toArray()),
                    skew(placing.stream().mapToLong(ShardMap.Node::shards).toArray()));
        }
    }

    /** The largest value over the mean; null without values or when all are zero. */
    static Double skew(long[] values) {
        double mean = Arrays.stream(values).average().orElse(0);
        return mean == 0 ? null : Arrays.stream(values).max().orElseThrow() / mean;
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
