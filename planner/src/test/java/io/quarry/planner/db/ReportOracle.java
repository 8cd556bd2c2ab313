package io.quarry.planner.db;

import io.quarry.planner.db.ReportCombination.CompareOption;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expected result of a {@link ReportCombination}, computed in Java from the raw rows of
 * {@code campaigns}, {@code ad_stats_daily} and {@code events} (read once with plain SQL, no
 * planner SQL): campaign statuses joined in Java, event instants turned into local days of the
 * report's zone, days bucketed into weeks, months, quarters and years, comparison rows moved
 * forward onto the report's days, every level summed separately.
 */
final class ReportOracle {

    /** A row of {@code events}: its account, instant and campaign's status (null when it has no campaign). */
    private record Event(long account, Instant createdAt, String status) {
    }

    /** The raw rows of one dataset summed in Java per account, campaign status and local day. */
    private record DailyFacts(long account, String status, LocalDate day, Map<String, BigDecimal> values) {
    }

    /**
     * An expected result row.
     *
     * @param status the campaign status, null where the level drops it (or for unattributed events)
     * @param bucket the first day of the time bucket, null where the level drops it
     * @param values one value per metric column, in column order; null where the database has none
     */
    record Row(int level, String status, LocalDate bucket, List<BigDecimal> values) {
    }

    private static final Comparator<Row> ORDER = Comparator.comparingInt(Row::level)
            .thenComparing(Row::status, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Row::bucket, Comparator.nullsLast(Comparator.naturalOrder()));

    private static ReportOracle instance;

    private final List<DailyFacts> adStats;
    private final List<Event> events = new ArrayList<>();
    private final Map<ZoneId, List<DailyFacts>> eventsByZone = new HashMap<>();

    private ReportOracle() throws SQLException {
        PlannerTestData data = PlannerTestData.get();
        Map<List<Long>, String> statuses = new HashMap<>();
        for (Map<String, Object> row : data.query("SELECT account_id, campaign_id, status FROM campaigns")) {
            statuses.put(List.of(number(row, "account_id"), number(row, "campaign_id")), (String) row.get("status"));
        }
        Map<List<Object>, Map<String, BigDecimal>> daily = new LinkedHashMap<>();
        for (Map<String, Object> row : data.query(
                "SELECT account_id, campaign_id, day, spend, clicks FROM ad_stats_daily")) {
            String status = statuses.get(List.of(number(row, "account_id"), number(row, "campaign_id")));
            if (status != null) { // an inner join: statistics of an unknown campaign are not reported
                Map<String, BigDecimal> sums = daily.computeIfAbsent(List.of(number(row, "account_id"), status,
                        ((java.sql.Date) row.get("day")).toLocalDate()), k -> new HashMap<>());
                sums.merge("spend", (BigDecimal) row.get("spend"), BigDecimal::add);
                sums.merge("clicks", new BigDecimal(row.get("clicks").toString()), BigDecimal::add);
            }
        }
        adStats = daily.entrySet().stream().map(e -> new DailyFacts((Long) e.getKey().get(0),
                (String) e.getKey().get(1), (LocalDate) e.getKey().get(2), e.getValue())).toList();
        for (Map<String, Object> row : data.query("SELECT account_id, campaign_id, created_at FROM events")) {
            Long campaign = row.get("campaign_id") == null ? null : number(row, "campaign_id");
            String status = campaign == null ? null : statuses.get(List.of(number(row, "account_id"), campaign));
            events.add(new Event(number(row, "account_id"), ((Timestamp) row.get("created_at")).toInstant(), status));
        }
    }

    /** Events counted per account, status and local day of the zone (computed once per zone). */
    private synchronized List<DailyFacts> events(ZoneId zone) {
        return eventsByZone.computeIfAbsent(zone, z -> {
            Map<List<Object>, BigDecimal> counts = new LinkedHashMap<>();
            for (Event event : events) {
                counts.merge(Arrays.asList(event.account(), event.status(), event.createdAt().atZone(z).toLocalDate()),
                        BigDecimal.ONE, BigDecimal::add);
            }
            return counts.entrySet().stream().map(e -> new DailyFacts((Long) e.getKey().get(0),
                    (String) e.getKey().get(1), (LocalDate) e.getKey().get(2), Map.of("event_count", e.getValue())))
                    .toList();
        });
    }

    static synchronized ReportOracle get() throws SQLException {
        if (instance == null) {
            instance = new ReportOracle();
        }
        return instance;
    }

    /** Every expected row, in the planner's order: by level, then status and bucket (nulls last). */
    List<Row> expected(ReportCombination report) {
        List<List<Integer>> levels = report.levels();
        List<Map<List<Object>, BigDecimal[][]>> sums = new ArrayList<>();
        for (List<Integer> kept : levels) {
            Map<List<Object>, BigDecimal[][]> level = new LinkedHashMap<>();
            if (kept.isEmpty()) { // a grand total is one row, with or without data
                level.put(Arrays.asList(null, null), new BigDecimal[report.metrics().size()][2]);
            }
            sums.add(level);
        }
        Set<Long> accounts = report.visibleAccounts();
        List<String> datasets = report.metrics().stream().map(ReportOracle::datasetOf).toList();
        List<DailyFacts> facts = new ArrayList<>();
        if (datasets.contains("ad_stats")) {
            facts.addAll(adStats);
        }
        if (datasets.contains("events")) {
            facts.addAll(events(report.zoneId()));
        }
        for (DailyFacts row : facts) {
            if (accounts.contains(row.account())) {
                add(report, sums, row.status(), row.day(), row.values());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int level = 0; level < levels.size(); level++) {
            for (Map.Entry<List<Object>, BigDecimal[][]> entry : sums.get(level).entrySet()) {
                rows.add(new Row(level, (String) entry.getKey().get(0), (LocalDate) entry.getKey().get(1),
                        values(report, entry.getValue())));
            }
        }
        rows.sort(ORDER);
        return rows;
    }

    /** Adds one day's values to every level, in the current or the comparison period (or neither). */
    private static void add(ReportCombination report, List<Map<List<Object>, BigDecimal[][]>> sums, String status,
                            LocalDate localDay, Map<String, BigDecimal> values) {
        int period;
        LocalDate day;
        if (!localDay.isBefore(report.span().first()) && localDay.isBefore(report.span().end())) {
            period = 0;
            day = localDay;
        } else if (report.compare() != CompareOption.NONE && inComparisonPeriod(report, localDay)) {
            period = 1;
            day = localDay.plusDays(comparisonShift(report));
        } else {
            return;
        }
        LocalDate bucket = report.grain().bucket(day);
        for (int level = 0; level < report.levels().size(); level++) {
            List<Integer> kept = report.levels().get(level);
            List<Object> key = Arrays.asList(kept.contains(0) ? status : null, kept.contains(1) ? bucket : null);
            BigDecimal[][] metrics = sums.get(level)
                    .computeIfAbsent(key, k -> new BigDecimal[report.metrics().size()][2]);
            for (int m = 0; m < report.metrics().size(); m++) {
                BigDecimal value = values.get(report.metrics().get(m));
                if (value != null) {
                    metrics[m][period] = metrics[m][period] == null ? value : metrics[m][period].add(value);
                }
            }
        }
    }

    /** The comparison period: as long as the report's range and just before it, or a year earlier. */
    private static boolean inComparisonPeriod(ReportCombination report, LocalDate day) {
        LocalDate first = comparisonFirst(report);
        LocalDate end = report.compare() == CompareOption.PREVIOUS_PERIOD ? report.span().first()
                : report.span().end().minusYears(1);
        return !day.isBefore(first) && day.isBefore(end);
    }

    private static LocalDate comparisonFirst(ReportCombination report) {
        return report.compare() == CompareOption.PREVIOUS_PERIOD ? report.span().first().minusDays(report.span().days())
                : report.span().first().minusYears(1);
    }

    /** How many days comparison rows move forward to land on the report's days. */
    private static long comparisonShift(ReportCombination report) {
        return report.span().first().toEpochDay() - comparisonFirst(report).toEpochDay();
    }

    private static String datasetOf(String metric) {
        return metric.equals("event_count") ? "events" : "ad_stats";
    }

    /** Per metric: the current value, and with COMPARE the previous one and the relative change. */
    private static List<BigDecimal> values(ReportCombination report, BigDecimal[][] sums) {
        List<BigDecimal> values = new ArrayList<>();
        for (BigDecimal[] metric : sums) {
            BigDecimal current = metric[0];
            BigDecimal previous = metric[1];
            values.add(current);
            if (report.compare() != CompareOption.NONE) {
                values.add(previous);
                values.add(current == null || previous == null || previous.signum() == 0 ? null
                        : current.subtract(previous).divide(previous, MathContext.DECIMAL128));
            }
        }
        return values;
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
