package io.quarry.planner.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.planner.plan.Planner;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values PostgreSQL cannot take and date ranges the limits refuse: (report, parameter values,
 * code, exact located message). Today is 2026-06-15.
 */
class ValueErrorsTest {

    private static final Planner PLANNER = Refusals.PLANNER;
    private static final String LAST_WEEK = " AND date DURING LAST_7_DAYS";

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("METRICS spend WHERE campaign.status = NULL" + LAST_WEEK, Map.of(),
                        PlanningError.INVALID_VALUE, "line 1:39: a comparison with NULL is never true (NULL is no"
                                + " value); to keep or drop missing values write campaign.status IS NULL or IS NOT NULL"),
                Arguments.of("METRICS spend WHERE campaign.status IN ('ACTIVE', NULL)" + LAST_WEEK, Map.of(),
                        PlanningError.INVALID_VALUE, "line 1:51: a comparison with NULL is never true (NULL is no"
                                + " value); to keep or drop missing values write campaign.status IS NULL or IS NOT NULL"),
                Arguments.of("METRICS spend WHERE date >= today() - 9223372036854775807", Map.of(),
                        PlanningError.INVALID_VALUE, "line 1:29: today() - 9223372036854775807 is outside the"
                        + " supported dates, 0001-01-01 to 9999-12-31"),
                Arguments.of("METRICS spend WHERE date < today() + 9223372036854775807", Map.of(),
                        PlanningError.INVALID_VALUE, "line 1:28: today() + 9223372036854775807 is outside the"
                        + " supported dates, 0001-01-01 to 9999-12-31"),
                Arguments.of("METRICS spend WHERE date >= today() - 800000", Map.of(),
                        PlanningError.INVALID_VALUE, "line 1:29: today() - 800000 is outside the supported dates,"
                        + " 0001-01-01 to 9999-12-31"),
                Arguments.of("METRICS spend WHERE date BETWEEN DATE '0000-12-01' AND DATE '0000-12-31'", Map.of(),
                        PlanningError.INVALID_VALUE, "line 1:34: DATE '0000-12-01' is outside the supported dates,"
                        + " 0001-01-01 to 9999-12-31"),
                Arguments.of("PARAMETERS (d DATE) METRICS spend WHERE date BETWEEN :d AND DATE '2026-01-01'",
                        Map.of("d", LocalDate.of(-5, 1, 1)), PlanningError.INVALID_VALUE,
                        "line 1:54: parameter :d (-0005-01-01) is outside the supported dates, 0001-01-01 to 9999-12-31"),
                Arguments.of("FROM ad_stats METRICS count(CASE WHEN day > DATE '0000-01-01' THEN 1 END)"
                        + " WHERE date DURING LAST_7_DAYS", Map.of(), PlanningError.INVALID_VALUE, "line 1:45: DATE '0000-01-01'"
                        + " is outside the supported dates, 0001-01-01 to 9999-12-31"),
                Arguments.of("PARAMETERS (s STRING) METRICS spend WHERE campaign.name = :s" + LAST_WEEK,
                        Map.of("s", "a\u0000b"), PlanningError.INVALID_VALUE,
                        "line 1:59: parameter :s contains the NUL character (U+0000), which text cannot hold"),
                Arguments.of("PARAMETERS (s STRING) METRICS spend WHERE campaign.name IN ('x', :s)" + LAST_WEEK,
                        Map.of("s", "\u0000"), PlanningError.INVALID_VALUE,
                        "line 1:66: parameter :s contains the NUL character (U+0000), which text cannot hold"),
                Arguments.of("METRICS spend WHERE campaign.name LIKE 'a\\'" + LAST_WEEK, Map.of(),
                        PlanningError.INVALID_VALUE, "line 1:40: a LIKE pattern must not end with the escape character"
                        + " \\ (write \\\\ to match a backslash)"),
                Arguments.of("PARAMETERS (p STRING) METRICS spend WHERE campaign.name NOT ILIKE :p" + LAST_WEEK,
                        Map.of("p", "%\\\\\\"), PlanningError.INVALID_VALUE, "line 1:67: a LIKE pattern must not end"
                        + " with the escape character \\ (write \\\\ to match a backslash)"),
                Arguments.of("FROM events METRICS event_count WHERE date DURING LAST_7_DAYS TIMEZONE 'SystemV/EST5'",
                        Map.of(), PlanningError.UNKNOWN_TIME_ZONE, "line 1:63: unknown time zone 'SystemV/EST5'; use"
                        + " an IANA name such as 'Europe/Helsinki'"),
                Arguments.of("METRICS spend", Map.of(), PlanningError.DATE_RANGE_REQUIRED,
                        "line 1:1: the report has no date range; add one such as date DURING LAST_30_DAYS (at most"
                        + " 3660 days)"),
                Arguments.of("DIMENSIONS campaign.name METRICS spend WHERE campaign.status = 'ACTIVE'", Map.of(),
                        PlanningError.DATE_RANGE_REQUIRED, "line 1:46: the report has no date range; add one such as"
                        + " date DURING LAST_30_DAYS (at most 3660 days)"),
                Arguments.of("METRICS spend WHERE date < DATE '2026-01-01'", Map.of(), PlanningError.DATE_RANGE_REQUIRED,
                        "line 1:21: the date range has no start; add one such as date >= today() - 30 or date DURING"
                        + " LAST_30_DAYS (at most 3660 days)"),
                Arguments.of("METRICS spend WHERE date >= DATE '2016-01-01'", Map.of(), PlanningError.LIMIT_EXCEEDED,
                        "line 1:21: the date range covers 3819 days (a range without an end ends today), more than the"
                        + " limit of 3660"),
                Arguments.of("METRICS spend WHERE date > DATE '2026-06-15'", Map.of(), PlanningError.DATE_FILTER_SHAPE,
                        "line 1:21: the date conditions leave no day to report on (a range without an end ends today)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void failsWithALocatedMessage(String report, Map<String, Object> parameters, PlanningError code, String message) {
        Refusals.assertRefused(report, TenantScope.of(1L), parameters, code, message);
    }

    @Test
    void aQueryNeedingMoreBindValuesThanPostgresqlTakesIsRefused() {
        String in = IntStream.rangeClosed(1, 1000).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String report = "FROM ad_stats METRICS count(DISTINCT ad.id) AS ads WHERE date DURING LAST_7_DAYS"
                + " AND campaign.id IN (" + in + ")" + (" AND ad.id IN (" + in + ")").repeat(16)
                + " TOTALS GRAND COMPARE PREVIOUS_PERIOD";
        Refusals.assertRefused(report, TenantScope.of(1L), Map.of(), PlanningError.LIMIT_EXCEEDED, "line 1:58: the"
                + " report's query needs 68020 values, more than the 65535 PostgreSQL takes in one statement (each part"
                + " of the query repeats the filters); use fewer IN values");
    }

    @Test
    void aRangeWithoutAnEndEndsToday() {
        ResolvedReport report = PLANNER.plan(new ReportParser().parseText("METRICS spend WHERE date >= DATE '2026-06-01'"
                + " COMPARE PREVIOUS_PERIOD TIMEZONE 'Pacific/Kiritimati'"), TenantScope.of(1L), Map.of()).report();
        // 12:00 UTC is already 2026-06-16 in Kiritimati (UTC+14): today is the report zone's.
        assertThat(report.timeRange()).isEqualTo(new TimeRange(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 17)));
        assertThat(report.compare().orElseThrow().previous())
                .isEqualTo(new TimeRange(LocalDate.of(2026, 5, 16), LocalDate.of(2026, 6, 1)));
    }

    @Test
    void datesAtTheEndsOfTheSupportedRangePlan() {
        for (String where : new String[] {"date BETWEEN DATE '9999-12-01' AND DATE '9999-12-31'",
            "date BETWEEN DATE '0001-01-01' AND DATE '0001-12-31'", "date >= today() - 3659"}) {
            assertThat(PLANNER.plan(new ReportParser().parseText("METRICS spend WHERE " + where), TenantScope.of(1L),
                    Map.of()).sql().sql()).contains("\"day\" >= ?::date");
        }
    }
}
