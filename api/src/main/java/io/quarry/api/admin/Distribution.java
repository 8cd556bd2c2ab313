package io.quarry.api.admin;

import io.quarry.api.admin.DistributionRepository.ForeignKey;
import io.quarry.api.admin.DistributionRepository.Table;
import io.quarry.api.db.DirectDataSource;
import io.quarry.planner.model.Rollup;
import io.quarry.planner.model.SemanticModel;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a Quarry database that started on plain PostgreSQL (migrations applied, data present)
 * into a Citus coordinator's, as migration V5 lays out a new one: the citus extension is created
 * (the server must preload it) and the given workers added; the tables the tenant tables
 * reference by foreign key and that have no account_id become reference tables; every table
 * with account_id (accounts first) is distributed by account_id, colocated with accounts, its
 * rows moved to the workers; the foreign keys, dropped for that (Citus cannot distribute a table
 * a local table references), are added back one per statement. Each account's rows per tenant
 * table are counted before and after; any difference fails the run. A table distributed already
 * is left as it is, so a run that stopped half-way can be run again.
 */
@Singleton
public final class Distribution {

    private static final Logger LOG = LoggerFactory.getLogger(Distribution.class);
    private static final String ANCHOR = "accounts";

    private final DirectDataSource dataSource;
    private final SemanticModel model;

    Distribution(DirectDataSource dataSource, SemanticModel model) {
        this.dataSource = dataSource;
        this.model = model;
    }

    /** What a run did. */
    public record Outcome(List<String> referenceTables, List<String> distributedTables, List<String> foreignKeys,
                          long rowsVerified, Duration took) {
    }

    /** A worker to add: {@code host:port}. */
    public record Worker(String host, int port) {

        public static Worker parse(String text) {
            int colon = text.lastIndexOf(':');
            if (colon <= 0 || !text.substring(colon + 1).matches("[0-9]{1,5}")) {
                throw new IllegalArgumentException("a worker is host:port, not \"" + text + "\"");
            }
            return new Worker(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
        }
    }

    /** Distributes the database, reporting each step to {@code report} and the application log. */
    public Outcome run(List<Worker> workers, Consumer<String> report) throws SQLException {
        long started = System.nanoTime();
        Consumer<String> progress = step -> {
            LOG.info("Distributing: {}", step);
            report.accept(step);
        };
        try (Connection connection = dataSource.connection()) {
            DistributionRepository database = new DistributionRepository(connection);
            progress.accept("creating the citus extension (the server must have citus in shared_preload_libraries)");
            database.createExtension();
            for (Worker worker : workers) {
                progress.accept("adding worker " + worker.host() + ":" + worker.port());
                database.addWorker(worker.host(), worker.port());
            }
            if (database.activeWorkers() == 0) {
                throw new IllegalStateException("the coordinator has no active worker: add workers (--worker host:port)"
                        + " that have this database with the citus extension");
            }
            List<Table> tables = database.tables();
            List<Table> tenants = tables.stream().filter(Table::tenant).toList();
            if (tenants.stream().noneMatch(t -> t.name().equals(ANCHOR))) {
                throw new IllegalStateException("no " + ANCHOR + " table in the schema: is this a Quarry database?");
            }
            Set<String> tenantNames = tenants.stream().map(Table::name).collect(Collectors.toSet());
            List<ForeignKey> keys = database.foreignKeys().stream().filter(k -> tenantNames.contains(k.table())).toList();
            Set<String> referenced = keys.stream().map(ForeignKey::references)
                    .collect(Collectors.toCollection(HashSet::new));
            // The model's lookup tables (exchange rates among them) are joined on the workers too.
            model.tables().stream().filter(t -> !t.tenant()).forEach(t -> referenced.add(t.name()));
            // Rollups are rebuilt from the facts by their job at any time: their rows are not compared.
            Set<String> rollups = model.rollups().stream().map(Rollup::name).collect(Collectors.toSet());
            List<Table> counted = tenants.stream().filter(t -> !rollups.contains(t.name())).toList();
            List<Table> references = tables.stream().filter(t -> !t.tenant() && referenced.contains(t.name())).toList();

            Map<String, Map<Long, Long>> before = count(database, counted);
            List<ForeignKey> pending = keys.stream().filter(k -> !distributed(k, tables)).toList();
            for (ForeignKey key : pending) {
                progress.accept("dropping foreign key " + key.table() + "." + key.name() + " (added back below): "
                        + key.definition());
                database.dropForeignKey(key);
            }
            List<String> referenceNames = new ArrayList<>();
            for (Table table : references) {
                referenceNames.add(table.name());
                if (!table.distributed()) {
                    progress.accept("create_reference_table(" + table.name() + ")");
                    database.createReferenceTable(table.name());
                }
            }
            List<String> distributedNames = new ArrayList<>();
            for (Table table : anchorFirst(tenants)) {
                distributedNames.add(table.name());
                if (!table.distributed()) {
                    progress.accept("create_distributed_table(" + table.name() + ", account_id, colocated with "
                            + ANCHOR + ")");
                    database.createDistributedTable(table.name(), ANCHOR);
                }
            }
            for (ForeignKey key : pending) {
                progress.accept("adding foreign key " + key.table() + "." + key.name());
                database.addForeignKey(key);
            }
            Map<String, Map<Long, Long>> after = count(database, counted);
            if (!after.equals(before)) {
                throw new IllegalStateException("rows per account changed while distributing: before " + before
                        + ", after " + after);
            }
            long rows = after.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
            progress.accept("verified: " + rows + " rows in " + counted.size() + " tenant tables, the same per account"
                    + " (rollups are rebuilt from them)");
            return new Outcome(referenceNames, distributedNames,
                    keys.stream().map(k -> k.table() + "." + k.name()).toList(), rows,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** A key both of whose tables Citus manages already: it was added back by an earlier run. */
    private static boolean distributed(ForeignKey key, List<Table> tables) {
        return tables.stream().filter(t -> t.name().equals(key.table()) || t.name().equals(key.references()))
                .allMatch(Table::distributed);
    }

    private static List<Table> anchorFirst(List<Table> tenants) {
        List<Table> ordered = new ArrayList<>(tenants.stream().filter(t -> t.name().equals(ANCHOR)).toList());
        ordered.addAll(tenants.stream().filter(t -> !t.name().equals(ANCHOR)).toList());
        return ordered;
    }

    private static Map<String, Map<Long, Long>> count(DistributionRepository database, List<Table> tenants)
            throws SQLException {
        Map<String, Map<Long, Long>> rows = new LinkedHashMap<>();
        for (Table table : tenants) {
            rows.put(table.name(), database.rowsByAccount(table.name()));
        }
        return rows;
    }
}
