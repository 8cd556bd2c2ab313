package io.quarry.planner.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.planner.db.ReportCombination.CompareOption;
import io.quarry.planner.db.ReportCombination.DateSpan;
import io.quarry.planner.db.ReportCombination.Datasets;
import io.quarry.planner.db.ReportCombination.Grain;
import io.quarry.planner.db.ReportCombination.TotalsOption;
import io.quarry.planner.pivot.PivotAssembler;
import io.quarry.planner.pivot.PivotTable;
import io.quarry.planner.plan.OutputColumn;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.resolve.Level;
import io.quarry.planner.resolve.PlanningException;
import io.quarry.planner.resolve.ReportOutput;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import io.quarry.ql.ast.Report;
import io.quarry.testdb.TestDatabase;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every combination of dataset (ad statistics, events, both stitched), time grain, TOTALS, PIVOT
 * BY the time dimension, COMPARE and time zone (one with DST inside the data, a 45-minute offset),
 * over campaign status and the time dimension, on two date ranges and three account scopes taken
 * in turn. Each report is parsed, planned, run, and every row and value is
 * compared with {@link ReportOracle}'s computation in Java from the raw rows; a pivot's matrix is
 * compared too. A report may be refused while planning (a located error), never fail in SQL.
 */
class ReportCombinationsTest {

    private static final Logger LOG = LoggerFactory.getLogger(ReportCombinationsTest.class);

    /** The API's default limits of pivot columns and of result rows. */
    private static final int MAX_PIVOT_COLUMNS = 200;
    private static final int MAX_ROWS = 100_000;
    /** Relative tolerance of a {@code _change} value (PostgreSQL divides to at least 16 digits). */
    private static final BigDecimal CHANGE_TOLERANCE = new BigDecimal("1e-12");
    private static final int PERCENT_SCALE = 6;
    private static final BigDecimal HALF_A_UNIT = new BigDecimal("0.5e-6");

    /**
     * A region with a DST change inside the data (passed to PostgreSQL by name) and a 45-minute
     * offset (passed as an interval); 'Asia/Kolkata' would add half the run time again for the
     * by-name path Helsinki already takes.
     */
    private static final List<String> ZONES = List.of("Europe/Helsinki", "+05:45");
    private static final List<DateSpan> SPANS = List.of(
            // Helsinki's DST change (03-29), a month and a quarter boundary, partial weeks at both ends;
            // the previous period's last three days are the data's first
            new DateSpan(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 4, 19)),
            // six whole weeks to the data's last day; the previous period is all inside the data
            new DateSpan(LocalDate.of(2026, 5, 4), PlannerTestData.LAST_DAY));

    /** A caller's accounts and the report's ACCOUNTS clause; account 2 (the sentinel rows) is never shown. */
    private record Scope(Set<Long> caller, List<Long> accounts) {
    }

    private static final List<Scope> SCOPES = List.of(
            new Scope(Set.of(1L, 3L), List.of()),
            new Scope(Set.of(1L), List.of()),
            new Scope(Set.of(1L, 2L, 3L), List.of(1L, 3L)));

    private static final AtomicInteger GENERATED = new AtomicInteger();
    private static final AtomicInteger RUN = new AtomicInteger();
    private static final List<String> REFUSALS = Collections.synchronizedList(new ArrayList<>());
    private static volatile long started;

    @TestFactory
    Stream<DynamicTest> everyCombinationMatchesTheRawRows() throws SQLException {
        List<ReportCombination> combinations = combinations();
        GENERATED.set(combinations.size());
        ReportOracle.get(); // loads the fixture and the raw rows before the clock starts
        started = System.nanoTime();
        return combinations.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    @AfterAll
    static void reportCounts() {
        LOG.info("report combinations on {}: {} generated, {} run, {} refused at planning, {} s{}",
                TestDatabase.get().description(), GENERATED.get(), RUN.get(), REFUSALS.size(),
                (System.nanoTime() - started) / 1_000_000_000L,
                REFUSALS.isEmpty() ? "" : "; refused:\n  " + String.join("\n  ", REFUSALS));
        assertThat(RUN.get()).isPositive().isEqualTo(GENERATED.get() - REFUSALS.size());
    }

    /**
     * The full product of dataset, grain, totals, pivot, comparison and zone (TOTALS GRAND with
     * SUBTOTALS only without a pivot, which has every total already). The date range and the
     * scope are taken in turn, so each zone and each comparison meets both ranges and every scope.
     */
    private static List<ReportCombination> combinations() {
        List<ReportCombination> combinations = new ArrayList<>();
        for (Datasets datasets : Datasets.values()) {
            for (Grain grain : Grain.values()) {
                for (boolean pivot : List.of(false, true)) {
                    for (TotalsOption totals : TotalsOption.values()) {
                        if (pivot && totals == TotalsOption.GRAND_AND_SUBTOTALS) {
                            continue;
                        }
                        for (CompareOption compare : CompareOption.values()) {
                            for (int zone = 0; zone < ZONES.size(); zone++) {
                                int turn = grain.ordinal() + totals.ordinal() + compare.ordinal() + zone;
                                Scope scope = SCOPES.get((compare.ordinal() + zone) % SCOPES.size());
                                combinations.add(new ReportCombination(datasets, grain, totals, pivot, compare,
                                        ZONES.get(zone), SPANS.get(turn % SPANS.size()), scope.caller(),
                                        scope.accounts()));
                            }
                        }
                    }
                }
            }
        }
        return combinations;
    }

    private static void check(ReportCombination combination) throws SQLException {
        Report report = new ReportParser().parseText(combination.text());
        PlannedQuery query;
        try {
            query = plan(report, combination.callerAccounts(),
                    combination.pivot() ? ReportOutput.PIVOT : ReportOutput.ROWS);
        } catch (PlanningException refusal) {
            assertThat(refusal.location().line()).as("location of the refusal %s", refusal.getMessage()).isPositive();
            REFUSALS.add(combination.name() + ": " + refusal.getMessage());
            return;
        }
        RUN.incrementAndGet();
        List<Map<String, Object>> rows;
        try {
            rows = PlannerTestData.get().run(query);
        } catch (SQLException e) {
            throw new AssertionError("a report that planned failed in SQL (a 500 in the API): " + e.getMessage()
                    + "\n" + combination.text(), e);
        }
        try {
            compare(combination, query, rows);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nreport:\n" + combination.text(), e);
        }
    }

    /** The rows (and the pivot table) against the oracle's. */
    private static void compare(ReportCombination combination, PlannedQuery query, List<Map<String, Object>> rows)
            throws SQLException {
        List<ReportOracle.Row> expected = ReportOracle.get().expected(combination);
        assertThat(expected).as("detail rows of the raw data").anyMatch(row -> row.level() == 0);
        if (combination.compare() != CompareOption.NONE) {
            // The data covers 90 days: a year earlier there is none, the period before has some.
            List<ReportOracle.Row> withPrevious = previousValues(combination, expected);
            if (combination.compare() == CompareOption.PREVIOUS_PERIOD) {
                assertThat(withPrevious).as("rows with a previous value").isNotEmpty();
            } else {
                assertThat(withPrevious).as("rows with a value a year earlier").isEmpty();
            }
        }
        assertThat(query.columns()).extracting(OutputColumn::name).containsExactlyElementsOf(combination.columns());
        compareRows(combination, rows, expected);
        if (combination.pivot()) {
            List<List<Object>> values = rows.stream().map(row -> (List<Object>) new ArrayList<>(row.values())).toList();
            comparePivot(combination, PivotAssembler.assemble(query, values, MAX_PIVOT_COLUMNS, MAX_ROWS), expected);
        }
    }

    /** The one place that calls the planner. */
    private static PlannedQuery plan(Report report, Set<Long> callerAccounts, ReportOutput output) {
        return PlannerTestData.get().planner.plan(report, TenantScope.of(callerAccounts), Map.of(), output);
    }

    private static void compareRows(ReportCombination combination, List<Map<String, Object>> rows,
                                    List<ReportOracle.Row> expected) {
        boolean leveled = combination.levels().size() > 1;
        List<String> columns = new ArrayList<>(combination.columns());
        if (leveled) {
            columns.add(Level.COLUMN);
        }
        List<String> actualKeys = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            assertThat(row.keySet()).containsExactlyElementsOf(columns);
            int level = leveled ? ((Number) row.get(Level.COLUMN)).intValue() : 0;
            actualKeys.add(key(level, row.get("campaign.status"), localDate(row.get(combination.dimension()))));
        }
        assertThat(actualKeys).as("rows (level|status|bucket), in order")
                .containsExactlyElementsOf(expected.stream().map(r -> key(r.level(), r.status(), r.bucket())).toList());
        for (int i = 0; i < rows.size(); i++) {
            List<Object> values = combination.metricColumns().stream().map(rows.get(i)::get).toList();
            compareValues(actualKeys.get(i), combination.metricColumns(), values, expected.get(i).values());
        }
    }

    /** The matrix: columns, row headers, each cell, row and column totals and the grand total. */
    private static void comparePivot(ReportCombination combination, PivotTable pivot, List<ReportOracle.Row> expected) {
        List<String> metrics = combination.metricColumns();
        assertThat(pivot.rowDimensions()).containsExactly("campaign.status");
        assertThat(pivot.columnDimensions()).containsExactly(combination.dimension());
        assertThat(pivot.metrics()).containsExactlyElementsOf(metrics);
        List<LocalDate> buckets = expected.stream().filter(r -> r.level() == 2).map(ReportOracle.Row::bucket).toList();
        List<String> statuses = expected.stream().filter(r -> r.level() == 1).map(ReportOracle.Row::status).toList();
        assertThat(pivot.columns()).extracting(column -> localDate(column.get(0))).containsExactlyElementsOf(buckets);
        assertThat(pivot.rows()).extracting(row -> (String) row.header().get(0)).containsExactlyElementsOf(statuses);
        assertThat(pivot.totalRows()).isEqualTo(statuses.size());
        List<BigDecimal> none = Collections.nCopies(metrics.size(), null);
        for (PivotTable.Row row : pivot.rows()) {
            String status = (String) row.header().get(0);
            for (int c = 0; c < buckets.size(); c++) {
                LocalDate bucket = buckets.get(c);
                List<BigDecimal> cell = find(expected, 0, status, bucket).map(ReportOracle.Row::values).orElse(none);
                compareValues("cell " + status + " " + bucket, metrics, row.cells().get(c), cell);
            }
            compareValues("row total " + status, metrics, row.total(), find(expected, 1, status, null)
                    .orElseThrow().values());
        }
        for (int c = 0; c < buckets.size(); c++) {
            compareValues("column total " + buckets.get(c), metrics, pivot.columnTotals().get(c),
                    find(expected, 2, null, buckets.get(c)).orElseThrow().values());
        }
        compareValues("grand total", metrics, pivot.grandTotal(), find(expected, 3, null, null).orElseThrow().values());
    }

    private static Optional<ReportOracle.Row> find(List<ReportOracle.Row> rows, int level, String status,
                                                   LocalDate bucket) {
        return rows.stream().filter(r -> r.level() == level && Objects.equals(r.status(), status)
                && Objects.equals(r.bucket(), bucket)).findFirst();
    }

    private static void compareValues(String where, List<String> names, List<Object> actual,
                                      List<BigDecimal> expected) {
        assertThat(actual).as(where).hasSameSizeAs(expected);
        for (int i = 0; i < names.size(); i++) {
            String what = where + " " + names.get(i);
            BigDecimal value = actual.get(i) == null ? null : new BigDecimal(actual.get(i).toString());
            if (expected.get(i) == null || value == null) {
                assertThat(value).as(what).isEqualTo(expected.get(i));
            } else if (names.get(i).endsWith("_change")) {
                // A change is a fraction rounded to the percent scale: within half a unit of its last place.
                assertThat(value.scale()).as(what).isEqualTo(PERCENT_SCALE);
                BigDecimal allowed = HALF_A_UNIT.add(CHANGE_TOLERANCE.multiply(expected.get(i).abs().max(BigDecimal.ONE)));
                assertThat(value.subtract(expected.get(i)).abs()).as("%s: %s, expected %s", what, value,
                        expected.get(i)).isLessThanOrEqualTo(allowed);
            } else if (value.scale() < expected.get(i).scale()) {
                // A quotient, rounded to its format's scale.
                assertThat(value).as(what).isEqualByComparingTo(expected.get(i).setScale(value.scale(),
                        java.math.RoundingMode.HALF_UP));
            } else {
                assertThat(value).as(what).isEqualByComparingTo(expected.get(i));
            }
            if (value != null && names.get(i).startsWith("spend") && !names.get(i).endsWith("_change")) {
                assertThat(value).as("%s shows no sentinel row of account 2", what)
                        .isLessThan(BigDecimal.valueOf(PlannerTestData.SECRET_SPEND));
            }
        }
    }

    /** The rows with a non-null previous value of the first metric. */
    private static List<ReportOracle.Row> previousValues(ReportCombination combination, List<ReportOracle.Row> rows) {
        int previous = combination.metricColumns().indexOf(combination.metrics().get(0) + "_previous");
        return rows.stream().filter(row -> row.values().get(previous) != null).toList();
    }

    private static String key(int level, Object status, LocalDate bucket) {
        return level + "|" + status + "|" + bucket;
    }

    private static LocalDate localDate(Object value) {
        return value == null ? null : ((java.sql.Date) value).toLocalDate();
    }
}
