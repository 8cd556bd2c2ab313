package io.quarry.api.cli;

import io.micronaut.context.ApplicationContext;
import io.quarry.api.db.DirectDataSource;
import io.quarry.migrations.demo.DemoDataLoader;
import io.quarry.migrations.demo.LoadResult;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads demo data at any scale into the api's database (configured exactly as for the server,
 * embedded or external), migrating it first. Refuses tenant tables that already hold data.
 * {@code ./quarry load-demo --preset benchmark} loads over 10 million fact rows.
 */
public final class LoadDemoData {

    private LoadDemoData() {
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(DemoDataArguments.USAGE);
            return;
        }
        DemoDataArguments.Parsed parsed;
        try {
            parsed = DemoDataArguments.parseAll(args);
        } catch (IllegalArgumentException e) {
            System.err.println("load-demo: " + e.getMessage());
            System.err.println(DemoDataArguments.USAGE);
            System.exit(2);
            return;
        }
        try (ApplicationContext context = CliContext.start()) {
            DemoDataLoader loader = new DemoDataLoader(context.getBean(DirectDataSource.class).dataSource());
            if (!loader.tenantTablesEmpty()) {
                System.err.println("load-demo: the tenant tables already hold data; demo data loads only into an"
                        + " empty database. Point QUARRY_EMBEDDED_DATA_DIR (or DATASOURCES_DEFAULT_URL) at"
                        + " another database.");
                System.exit(1);
                return;
            }
            LoadResult result = loader.load(parsed.spec(), parsed.parallelism());
            System.out.println(summary(result));
        }
    }

    static String summary(LoadResult result) {
        StringBuilder text = new StringBuilder("Loaded ").append(result.spec().describe()).append('\n');
        for (Map.Entry<String, Long> entry : new TreeMap<>(result.rows()).entrySet()) {
            text.append(String.format(Locale.ROOT, "  %-15s %,12d rows%n", entry.getKey(), entry.getValue()));
        }
        text.append(String.format(Locale.ROOT, "  total %,d rows in %.1f s (COPY %.1f s, %,.0f rows/s)%n",
                result.totalRows(), result.total().toMillis() / 1000.0, result.copyTime().toMillis() / 1000.0,
                result.rowsPerSecond()));
        return text.toString();
    }
}
