package io.quarry.api.cli;

import io.micronaut.context.ApplicationContext;
import io.quarry.api.admin.Distribution;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./quarry distribute [--worker host:port]...}: makes the api's database (configured as for
 * the server; migrated first), which started on plain PostgreSQL, a Citus coordinator's: see
 * {@link Distribution}. Stop Quarry first (writes during the move would wait or fail) and start it
 * again afterwards. Exit status 0 when done and verified, 1 on a failure (the step is printed;
 * the run can be repeated), 2 on bad arguments.
 */
public final class Distribute {

    static final String USAGE = """
            usage: ./quarry distribute [--worker host:port]...
              Distributes the database of DATASOURCES_DEFAULT_URL (a plain-PostgreSQL Quarry database on a
              server with citus in shared_preload_libraries): creates the citus extension, adds the workers
              (each must have this database with the citus extension), makes the lookup tables reference
              tables and the tenant tables distributed by account_id, colocated, with their foreign keys,
              and checks every account's rows per table before and after. Stop Quarry while it runs.""";

    private Distribute() {
    }

    public static void main(String[] args) throws Exception {
        List<Distribution.Worker> workers;
        try {
            workers = workers(args);
        } catch (IllegalArgumentException e) {
            System.err.println("distribute: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (workers == null) {
            System.out.println(USAGE);
            return;
        }
        try (ApplicationContext context = CliContext.start()) {
            Distribution.Outcome outcome = context.getBean(Distribution.class)
                    .run(workers, step -> System.out.println("distribute: " + step));
            System.out.printf("Distributed in %.1f s: reference tables %s; distributed tables %s; %d foreign keys;"
                    + " %,d rows verified%n", outcome.took().toMillis() / 1000.0, outcome.referenceTables(),
                    outcome.distributedTables(), outcome.foreignKeys().size(), outcome.rowsVerified());
        } catch (Exception e) {
            System.err.println("distribute: failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The workers named by {@code --worker}; null for {@code --help}. */
    static List<Distribution.Worker> workers(String[] args) {
        List<Distribution.Worker> workers = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help" -> {
                    return null;
                }
                case "--worker" -> {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--worker needs host:port");
                    }
                    workers.add(Distribution.Worker.parse(args[++i]));
                }
                default -> throw new IllegalArgumentException("unknown argument \"" + args[i] + "\"");
            }
        }
        return workers;
    }
}
