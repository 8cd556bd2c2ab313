package io.quarry.planner.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.planner.model.Rollup;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.plan.Planner;
import io.quarry.planner.plan.RollupCoverage;
import io.quarry.planner.resolve.PlannerLimits;
import io.quarry.planner.resolve.PlanningException;
import io.quarry.planner.resolve.ReportOutput;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import io.quarry.ql.ast.Report;
import io.quarry.ql.corpus.Corpus;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Aggregate awareness is exact: every corpus report and several hundred generated ones (grains,
 * month-aligned and unaligned ranges, totals, pivots, comparisons, filters, money converted into a
 * reporting currency, zones with whole,
 * DST-changing and 45-minute offsets, one and two accounts) give the same rows read from the
 * rollups as from the facts. The rollups are built from the test data with the api's refresh
 * statements; where the hll extension is installed (Citus here) distinct users read merged
 * sketches. Enough reports must actually read each rollup for the comparison to mean something.
 */
class RollupEquivalenceTest {

    private static final AtomicInteger ROUTED = new AtomicInteger();
    private static final Set<String> ROLLUPS_READ = ConcurrentHashMap.newKeySet();
    private static Planner planner;
    private static RollupCoverage all;
    private static boolean hll;

    @BeforeAll
    static void buildRollups() throws SQLException {
        PlannerTestData data = PlannerTestData.get();
        hll = data.hll();
        planner = new Planner(data.model, PlannerTestData.CLOCK, PlannerLimits.DEFAULT, hll);
        for (Rollup rollup : data.model.rollups()) {
            data.refresh(rollup, Optional.empty(), hll);
        }
        all = new RollupCoverage(data.model.rollups().stream().collect(Collectors.toMap(Rollup::name, r -> Instant.MAX)));
    }

    static Stream<Arguments> reports() {
        List<Arguments> reports = new ArrayList<>();
        for (Corpus.Entry entry : Corpus.entries()) {
            reports.add(Arguments.of(entry.name(), entry.text(), List.of(1L)));
        }
        String[] metrics = {"spend, clicks, ctr, cpc", "impressions, conversions, roas", "event_count",
                "event_count, unique_users", "spend, event_count", "unique_users", "clicks, max(clicks) AS top_clicks"};
        String[] dimensions = {"", "campaign.status", "campaign.name, date.month", "date.week", "date.day",
                "event.name, date.day", "account.name, date.quarter", "ad.name", "campaign.country, date.year",
                "date.month, campaign.objective"};
        String[] ranges = {"date BETWEEN DATE '2026-04-01' AND DATE '2026-05-31'",
                "date BETWEEN DATE '2026-03-20' AND DATE '2026-04-19'", "date DURING LAST_30_DAYS",
                "date BETWEEN DATE '2026-03-01' AND DATE '2026-06-30'"};
        String[] filters = {"", " AND campaign.status = 'ACTIVE'", " AND campaign.country IN ('US', 'GB', 'DE')"};
        String[] options = {"", "TOTALS GRAND", "PIVOT BY LAST", "COMPARE PREVIOUS_PERIOD",
                "COMPARE SAME_PERIOD_LAST_YEAR", "TOTALS GRAND, SUBTOTALS (FIRST)"};
        String[] zones = {"UTC", "Europe/Helsinki", "+05:45", "America/New_York"};
        Random random = new Random(20261130);
        for (int i = 0; i < 400; i++) {
            String dims = dimensions[random.nextInt(dimensions.length)];
            String option = options[random.nextInt(options.length)];
            List<String> dimList = dims.isEmpty() ? List.of() : List.of(dims.split(", "));
            if ((option.contains("LAST") || option.contains("FIRST")) && dimList.size() < (option.contains("PIVOT") ? 2 : 1)) {
                option = "";
            }
            option = option.replace("PIVOT BY LAST", dimList.isEmpty() ? "" : "PIVOT BY " + dimList.get(dimList.size() - 1))
                    .replace("(FIRST)", dimList.isEmpty() ? "" : "(" + dimList.get(0) + ")");
            String text = (dims.isEmpty() ? "" : "DIMENSIONS " + dims + "\n")
                    + "METRICS " + metrics[random.nextInt(metrics.length)] + "\n"
                    + "WHERE " + ranges[random.nextInt(ranges.length)] + filters[random.nextInt(filters.length)] + "\n"
                    + option + "\nTIMEZONE '" + zones[random.nextInt(zones.length)] + "'"
                    + (random.nextInt(4) == 0 ? "\nCURRENCY 'EUR'" : "");
            List<Long> accounts = random.nextBoolean() ? List.of(1L) : List.of(1L, 3L);
            reports.add(Arguments.of("generated " + i, text, accounts));
        }
        return reports.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void readFromRollupsItGivesTheRowsOfTheFacts(String name, String text, List<Long> accounts) throws SQLException {
        Report report = new ReportParser().parseText(text);
        TenantScope scope = TenantScope.of(accounts);
        PlannedQuery facts;
        try {
            facts = planner.plan(report, scope, CorpusPlanningTest.PARAMETERS, ReportOutput.AS_WRITTEN, RollupCoverage.NONE);
        } catch (PlanningException refused) {
            return; // a generated combination the language refuses (e.g. event.name with ad statistics)
        }
        PlannedQuery rollups = planner.plan(report, scope, CorpusPlanningTest.PARAMETERS, ReportOutput.AS_WRITTEN, all);
        List<String> read = PlannerTestData.get().model.rollups().stream().map(Rollup::name)
                .filter(table -> rollups.sql().sql().contains("FROM \"" + table + "\"")).toList();
        if (read.isEmpty()) {
            assertThat(rollups.sql()).isEqualTo(facts.sql());
            return;
        }
        ROUTED.incrementAndGet();
        ROLLUPS_READ.addAll(read);
        assertThat(normalized(PlannerTestData.get().runRows(rollups))).as(name + "\n" + text)
                .isEqualTo(normalized(PlannerTestData.get().runRows(facts)));
    }

    @AfterAll
    static void enoughReportsReadEachRollup() {
        LoggerFactory.getLogger(RollupEquivalenceTest.class).info("{} reports read rollups {} (hll: {})", ROUTED.get(),
                ROLLUPS_READ, hll);
        assertThat(ROUTED.get()).as("reports answered from rollups").isGreaterThanOrEqualTo(150);
        assertThat(ROLLUPS_READ).containsExactlyInAnyOrderElementsOf(
                PlannerTestData.get().model.rollups().stream().map(Rollup::name).toList());
    }

    /** Rows in a fixed order (a report without ORDER BY may come back in either), numbers by value. */
    private static List<String> normalized(List<List<Object>> rows) {
        return rows.stream().map(row -> row.stream().map(v -> v instanceof Number n
                        ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString() : String.valueOf(v))
                        .collect(Collectors.joining(" | ")))
                .sorted(Comparator.naturalOrder()).toList();
    }


}
