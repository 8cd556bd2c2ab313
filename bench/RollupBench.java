package bench;

import io.quarry.planner.model.ModelLoader;
import io.quarry.planner.model.Rollup;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.plan.Planner;
import io.quarry.planner.plan.RollupCoverage;
import io.quarry.planner.plan.RollupStatements;
import io.quarry.planner.resolve.PlannerLimits;
import io.quarry.planner.resolve.ReportOutput;
import io.quarry.planner.sql.Identifiers;
import io.quarry.planner.sql.JdbcBinder;
import io.quarry.planner.sql.RenderedSql;
import io.quarry.planner.sql.RollupRefresh;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Issue 14's rollup benchmarks, over JDBC against the loaded benchmark database: the time to
 * build each rollup from all the facts (and per day of data), the time of an incremental
 * refresh of the last day, and the dashboard shapes read from the rollups against the same
 * reports read from the facts (medians of alternating runs; the rows must be identical).
 *
 * <p>Usage: {@code RollupBench JDBC_URL OUTPUT.md [RUNS]}
 */
public final class RollupBench {

    private record Case(String title, String report, Set<Long> accounts) {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path output = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        SemanticModel model = ModelLoader.defaultModel();
        List<String> lines = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            boolean hll = exists(connection, "SELECT 1 FROM pg_extension WHERE extname = 'hll'");
            long days = number(connection, "SELECT max(day) - min(day) + 1 FROM ad_stats_daily");
            LocalDate last = LocalDate.parse(text(connection, "SELECT max(day)::text FROM ad_stats_daily"));
            lines.add("## Rollups (issue 14)\n");
            lines.add("Benchmark data: " + number(connection, "SELECT count(*) FROM ad_stats_daily") + " ad-stats rows over "
                    + days + " days, " + number(connection, "SELECT count(*) FROM events") + " events; hll "
                    + (hll ? "installed" : "not installed (distinct counts read the facts)") + ".\n");
            lines.add("| rollup | rows | full build (s) | per day of data (ms) | refresh of the last day (ms) |");
            lines.add("| --- | ---: | ---: | ---: | ---: |");
            for (Rollup rollup : model.rollups()) {
                double full = refresh(connection, RollupStatements.refresh(model, rollup, Optional.empty(), hll));
                long rows = number(connection, "SELECT count(*) FROM " + Identifiers.quote(rollup.name()));
                double incremental = refresh(connection, RollupStatements.refresh(model, rollup,
                        Optional.of(last.atStartOfDay(ZoneOffset.UTC).toInstant()), hll));
                lines.add(String.format("| %s | %,d | %.1f | %.0f | %.0f |", rollup.name(), rows, full, full * 1000 / days,
                        incremental * 1000));
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE");
            }
            Planner planner = new Planner(model, Clock.fixed(last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    ZoneOffset.UTC), PlannerLimits.DEFAULT, hll);
            RollupCoverage all = new RollupCoverage(model.rollups().stream()
                    .collect(Collectors.toMap(Rollup::name, r -> Instant.MAX)));
            lines.add("\n| report | read from | facts median (ms) | rollup median (ms) | facts / rollup | same rows |");
            lines.add("| --- | --- | ---: | ---: | ---: | --- |");
            for (Case c : cases(last)) {
                var report = new ReportParser().parseText(c.report());
                TenantScope scope = TenantScope.of(c.accounts());
                PlannedQuery facts = planner.plan(report, scope, Map.of(), ReportOutput.AS_WRITTEN, RollupCoverage.NONE);
                PlannedQuery rollups = planner.plan(report, scope, Map.of(), ReportOutput.AS_WRITTEN, all);
                String source = model.rollups().stream().map(Rollup::name)
                        .filter(t -> rollups.sql().sql().contains("FROM \"" + t + "\"")).collect(Collectors.joining(", "));
                boolean same = rows(connection, facts.sql()).equals(rows(connection, rollups.sql()));
                double[] factTimes = new double[runs];
                double[] rollupTimes = new double[runs];
                for (int i = 0; i < runs; i++) {
                    factTimes[i] = time(connection, facts.sql());
                    rollupTimes[i] = time(connection, rollups.sql());
                }
                double f = median(factTimes);
                double r = median(rollupTimes);
                lines.add(String.format("| %s | %s | %.1f | %.1f | %.0fx | %s |", c.title(),
                        source.isEmpty() ? "facts" : source, f, r, f / r, same ? "yes" : "**NO**"));
            }
        }
        Files.write(output, lines);
        try (PrintStream out = new PrintStream(System.out, true)) {
            lines.forEach(out::println);
        }
    }

    private static List<Case> cases(LocalDate last) {
        Set<Long> fifty = Set.copyOf(java.util.stream.LongStream.rangeClosed(1, 50).boxed().toList());
        String firstOfMonth = last.plusDays(1).minusMonths(6).withDayOfMonth(1).toString();
        return List.of(
                new Case("(c) 50 accounts, pivot month x campaign status (6 months)",
                        "DIMENSIONS campaign.status, date.month METRICS spend, clicks, ctr WHERE date BETWEEN DATE '"
                                + firstOfMonth + "' AND DATE '" + last + "' PIVOT BY date.month", fifty),
                new Case("(a) one account, 30 days by campaign", "DIMENSIONS campaign.name METRICS impressions, clicks,"
                        + " spend, ctr, cpc WHERE date BETWEEN DATE '" + last.minusDays(29) + "' AND DATE '" + last + "'",
                        Set.of(7L)),
                new Case("(b) one account, 90 days by day", "DIMENSIONS date.day METRICS impressions, clicks, spend,"
                        + " conversions, roas WHERE date BETWEEN DATE '" + last.minusDays(89) + "' AND DATE '" + last + "'",
                        Set.of(7L)),
                new Case("events by name and day, one account, 30 days", "DIMENSIONS event.name, date.day"
                        + " METRICS event_count, unique_users WHERE date BETWEEN DATE '" + last.minusDays(29)
                        + "' AND DATE '" + last + "'", Set.of(1L)),
                new Case("events by name, 50 accounts, 30 days, totals", "DIMENSIONS event.name METRICS event_count"
                        + " WHERE date BETWEEN DATE '" + last.minusDays(29) + "' AND DATE '" + last + "' TOTALS GRAND",
                        fifty));
    }

    /** Delete and insert in one transaction; seconds. */
    private static double refresh(Connection connection, RollupRefresh refresh) throws Exception {
        long start = System.nanoTime();
        connection.setAutoCommit(false);
        try {
            update(connection, refresh.delete());
            update(connection, refresh.insert());
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void update(Connection connection, RenderedSql sql) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            JdbcBinder.bind(statement, sql.binds());
            statement.executeUpdate();
        }
    }

    private static double time(Connection connection, RenderedSql sql) throws Exception {
        long start = System.nanoTime();
        rows(connection, sql);
        return (System.nanoTime() - start) / 1e6;
    }

    private static List<String> rows(Connection connection, RenderedSql sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            JdbcBinder.bind(statement, sql.binds());
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        Object value = rs.getObject(i);
                        row.append(value instanceof Number n ? new java.math.BigDecimal(n.toString()).stripTrailingZeros()
                                .toPlainString() : String.valueOf(value)).append('|');
                    }
                    rows.add(row.toString());
                }
            }
        }
        rows.sort(null);
        return rows;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static boolean exists(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next();
        }
    }

    private static long number(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
