package io.quarry.planner.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs planned reports on the test database and compares every figure with values the test
 * computes itself, in Java, from the raw rows.
 */
class PlannerCorrectnessTest {

    static PlannerTestData data;
    static List<Map<String, Object>> facts;
    static Map<List<Long>, Map<String, Object>> campaigns;

    @BeforeAll
    static void load() throws SQLException {
        data = PlannerTestData.get();
        facts = data.query("SELECT account_id, campaign_id, ad_id, day, impressions, clicks, spend, conversions"
                + " FROM ad_stats_daily");
        campaigns = new HashMap<>();
        for (Map<String, Object> row : data.query("SELECT account_id, campaign_id, name, status FROM campaigns")) {
            campaigns.put(List.of((Long) row.get("account_id"), (Long) row.get("campaign_id")), row);
        }
    }

    @Test
    void spendClicksAndCtrByCampaignWithAStatusFilterMatchTheRawRows() throws SQLException {
        List<Map<String, Object>> rows = run("""
                DIMENSIONS campaign.name
                METRICS impressions, clicks, spend, ctr
                WHERE date DURING LAST_30_DAYS AND campaign.status IN ('ACTIVE', 'PAUSED')
                """, Set.of(1L, 3L));
        Map<String, long[]> expected = new TreeMap<>();
        Map<String, BigDecimal> expectedSpend = new TreeMap<>();
        for (Map<String, Object> fact : inRange(Set.of(1L, 3L), LocalDate.of(2026, 5, 16), LocalDate.of(2026, 6, 15))) {
            Map<String, Object> campaign = campaignOf(fact);
            if (!Set.of("ACTIVE", "PAUSED").contains(campaign.get("status"))) {
                continue;
            }
            String name = (String) campaign.get("name");
            long[] sums = expected.computeIfAbsent(name, k -> new long[2]);
            sums[0] += (Long) fact.get("impressions");
            sums[1] += (Long) fact.get("clicks");
            expectedSpend.merge(name, (BigDecimal) fact.get("spend"), BigDecimal::add);
        }
        assertThat(rows).hasSize(expected.size()).isNotEmpty();
        for (Map<String, Object> row : rows) {
            String name = (String) row.get("campaign.name");
            long[] sums = expected.get(name);
            assertThat(number(row, "impressions")).as(name).isEqualByComparingTo(BigDecimal.valueOf(sums[0]));
            assertThat(number(row, "clicks")).as(name).isEqualByComparingTo(BigDecimal.valueOf(sums[1]));
            assertThat(number(row, "spend")).as(name).isEqualByComparingTo(expectedSpend.get(name));
            if (sums[0] == 0) {
                assertThat(row.get("ctr")).isNull();
            } else {
                assertThat(number(row, "ctr")).as(name).isEqualByComparingTo(
                        BigDecimal.valueOf(sums[1]).divide(BigDecimal.valueOf(sums[0]), 6, RoundingMode.HALF_UP));
            }
        }
        assertThat(rows.stream().map(r -> (String) r.get("campaign.name")).toList()).isSorted();
    }

    @Test
    void havingOrderAndLimitKeepTheTopCampaignsBySpend() throws SQLException {
        List<Map<String, Object>> rows = run("""
                DIMENSIONS campaign.id
                METRICS spend, clicks
                WHERE date >= DATE '2026-04-01' AND date <= DATE '2026-04-30'
                HAVING clicks > 50
                ORDER BY spend DESC
                LIMIT 5
                """, Set.of(1L, 2L, 3L, 4L, 5L, 6L));
        Map<Long, BigDecimal> spend = new HashMap<>();
        Map<Long, Long> clicks = new HashMap<>();
        for (Map<String, Object> fact : inRange(Set.of(1L, 3L, 4L, 5L, 6L, 2L), LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 5, 1))) {
            spend.merge((Long) fact.get("campaign_id"), (BigDecimal) fact.get("spend"), BigDecimal::add);
            clicks.merge((Long) fact.get("campaign_id"), (Long) fact.get("clicks"), Long::sum);
        }
        List<Long> expected = spend.keySet().stream().filter(id -> clicks.get(id) > 50)
                .sorted(Comparator.comparing((Long id) -> spend.get(id)).reversed()).limit(5).toList();
        assertThat(rows.stream().map(r -> (Long) r.get("campaign.id")).toList()).isEqualTo(expected);
    }

    @Test
    void distinctAdsAndRowCountsPerCampaign() throws SQLException {
        List<Map<String, Object>> rows = run("""
                FROM ad_stats
                DIMENSIONS campaign.id
                METRICS count(DISTINCT ad.id) AS ads, count(*) AS stat_rows
                WHERE date DURING LAST_90_DAYS
                """, Set.of(4L));
        Map<Long, Set<Long>> ads = new HashMap<>();
        Map<Long, Long> count = new HashMap<>();
        for (Map<String, Object> fact : inRange(Set.of(4L), LocalDate.of(2026, 3, 17), LocalDate.of(2026, 6, 15))) {
            ads.computeIfAbsent((Long) fact.get("campaign_id"), k -> new HashSet<>()).add((Long) fact.get("ad_id"));
            count.merge((Long) fact.get("campaign_id"), 1L, Long::sum);
        }
        assertThat(rows).hasSize(ads.size());
        for (Map<String, Object> row : rows) {
            Long id = (Long) row.get("campaign.id");
            assertThat(((Number) row.get("ads")).longValue()).isEqualTo(ads.get(id).size());
            assertThat(((Number) row.get("stat_rows")).longValue()).isEqualTo(count.get(id));
        }
    }

    @Test
    void twoDatasetsByDayAreStitchedWithoutDoubleCountingAndEventsBucketInTheReportZone() throws SQLException {
        ZoneId zone = ZoneId.of("America/New_York");
        List<Map<String, Object>> rows = run("""
                DIMENSIONS date.day
                METRICS spend, event_count, unique_users
                WHERE date DURING LAST_7_DAYS
                TIMEZONE 'America/New_York'
                """, Set.of(1L, 2L));
        LocalDate from = LocalDate.of(2026, 6, 8);
        LocalDate to = LocalDate.of(2026, 6, 15);
        Map<LocalDate, BigDecimal> spend = new TreeMap<>();
        inRange(Set.of(1L, 2L), from, to).forEach(f -> spend.merge(day(f.get("day")), (BigDecimal) f.get("spend"),
                BigDecimal::add));
        Map<LocalDate, Long> events = new TreeMap<>();
        Map<LocalDate, Set<Long>> users = new HashMap<>();
        for (Map<String, Object> e : data.query("SELECT created_at, user_id FROM events WHERE account_id IN (1, 2)")) {
            LocalDate local = ((OffsetDateTime) toOffset(e.get("created_at"))).atZoneSameInstant(zone).toLocalDate();
            if (!local.isBefore(from) && local.isBefore(to)) {
                events.merge(local, 1L, Long::sum);
                users.computeIfAbsent(local, k -> new HashSet<>()).add((Long) e.get("user_id"));
            }
        }
        Set<LocalDate> days = new HashSet<>(spend.keySet());
        days.addAll(events.keySet());
        assertThat(rows).hasSize(days.size());
        for (Map<String, Object> row : rows) {
            LocalDate day = day(row.get("date.day"));
            assertThat(row.get("spend") == null ? null : number(row, "spend")).as("spend %s", day)
                    .isEqualByComparingTo(spend.get(day));
            assertThat(((Number) row.get("event_count")).longValue()).as("events %s", day).isEqualTo(events.get(day));
            assertThat(((Number) row.get("unique_users")).longValue()).isEqualTo(users.get(day).size());
        }
    }

    @Test
    void derivedMetricsUseSafeDivision() throws SQLException {
        List<Map<String, Object>> rows = run("""
                DIMENSIONS campaign.id
                METRICS conversions, cpa, sum(spend) / 0 AS never
                WHERE date DURING LAST_30_DAYS
                """, Set.of(1L, 2L, 3L, 4L, 5L, 6L));
        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get("never")).isNull();
            if (((Number) row.get("conversions")).longValue() == 0) {
                assertThat(row.get("cpa")).isNull();
            } else {
                assertThat(row.get("cpa")).isNotNull();
            }
        });
    }

    private static List<Map<String, Object>> run(String report, Set<Long> accounts) throws SQLException {
        PlannedQuery query = data.planner.plan(new ReportParser().parseText(report), TenantScope.of(accounts), Map.of());
        return data.run(query);
    }

    private static List<Map<String, Object>> inRange(Set<Long> accounts, LocalDate from, LocalDate to) {
        return facts.stream().filter(f -> accounts.contains((Long) f.get("account_id")))
                .filter(f -> !day(f.get("day")).isBefore(from) && day(f.get("day")).isBefore(to))
                .collect(Collectors.toList());
    }

    private static Map<String, Object> campaignOf(Map<String, Object> fact) {
        return campaigns.get(List.of((Long) fact.get("account_id"), (Long) fact.get("campaign_id")));
    }

    private static LocalDate day(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static Object toOffset(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        return value;
    }

    private static BigDecimal number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
