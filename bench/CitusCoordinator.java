package bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a Citus coordinator's database is: the extension's version, its active workers, the shards of each
 * tenant table, and whether the benchmark's facts are loaded. bench/run-citus checks the database with it
 * before loading (its main prints {@code name=value} lines, exit status 1 unless Citus with workers);
 * EndToEnd records the same facts with the dataset's.
 *
 * java -cp bench/.data/citus/classes:api/target/quarry-api-all.jar bench.CitusCoordinator URL
 * (user: DATASOURCES_DEFAULT_USERNAME, default postgres; password: DATASOURCES_DEFAULT_PASSWORD)
 */
public final class CitusCoordinator {

    private CitusCoordinator() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Object> facts;
        try (Connection connection = DriverManager.getConnection(args[0],
                System.getenv().getOrDefault("DATASOURCES_DEFAULT_USERNAME", "postgres"),
                System.getenv().getOrDefault("DATASOURCES_DEFAULT_PASSWORD", ""));
             Statement statement = connection.createStatement()) {
            facts = facts(statement);
            try (ResultSet rs = statement.executeQuery("SELECT to_regclass('ad_stats_daily') IS NOT NULL")) {
                rs.next();
                facts.put("factRowsPresent", rs.getBoolean(1) && present(statement));
            }
        }
        facts.forEach((name, value) -> System.out.println(name + "=" + value));
        if (!facts.containsKey("citusVersion") || ((Long) facts.get("citusWorkers")) == 0) {
            System.err.println(args[0] + " is not a Citus coordinator with workers: create the citus extension on"
                    + " every node and add the workers (docs/citus.md, \"Running Quarry on a cluster\")");
            System.exit(1);
        }
    }

    /** The Citus facts of the connection's database; none on plain PostgreSQL. */
    static Map<String, Object> facts(Statement statement) throws Exception {
        Map<String, Object> facts = new LinkedHashMap<>();
        try (ResultSet rs = statement.executeQuery("SELECT extversion FROM pg_extension WHERE extname = 'citus'")) {
            if (!rs.next()) {
                return facts;
            }
            facts.put("citusVersion", rs.getString(1));
        }
        try (ResultSet rs = statement.executeQuery("SELECT (SELECT count(*) FROM citus_get_active_worker_nodes()),"
                + " (SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = to_regclass('accounts'))")) {
            rs.next();
            facts.put("citusWorkers", rs.getLong(1));
            facts.put("citusShardsPerTable", rs.getLong(2));
        }
        return facts;
    }

    private static boolean present(Statement statement) throws Exception {
        try (ResultSet rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM ad_stats_daily)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
