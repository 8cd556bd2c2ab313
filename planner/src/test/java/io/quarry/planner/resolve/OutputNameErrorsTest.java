package io.quarry.planner.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.planner.plan.Planner;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Output column names PostgreSQL would refuse or confuse (duplicates, names it truncates to the
 * same 63 bytes, the planner's own columns) and more columns than it returns: (report, code,
 * exact located message).
 */
class OutputNameErrorsTest {

    private static final Planner PLANNER = Refusals.PLANNER;
    private static final String WHERE = " WHERE date DURING LAST_7_DAYS";
    private static final String A63 = "a".repeat(63);

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("DIMENSIONS campaign.name AS \"a\\b\" METRICS spend" + WHERE, PlanningError.INVALID_VALUE,
                        "line 1:29: a column name must not contain a backslash"),
                Arguments.of("DIMENSIONS campaign.name AS \"a\nb\" METRICS spend" + WHERE, PlanningError.INVALID_VALUE,
                        "line 1:29: a column name must not contain control characters such as U+000A (line breaks, tabs,"
                        + " escapes)"),
                Arguments.of("DIMENSIONS date.week" + WHERE + " TOTALS GRAND", PlanningError.UNSUPPORTED,
                        "line 1:52: TOTALS totals the report's metrics, and it has none: add METRICS"),
                Arguments.of("DIMENSIONS campaign.id, date.month" + WHERE + " PIVOT BY date.month",
                        PlanningError.UNSUPPORTED, "line 1:75: a pivot totals the report's metrics, and it has none: add"
                        + " METRICS"),
                Arguments.of("DIMENSIONS campaign.name, campaign.name METRICS spend" + WHERE, PlanningError.DUPLICATE_NAME,
                        "line 1:27: the report already has a column named 'campaign.name'; give this one another"
                        + " name with AS"),
                Arguments.of("DIMENSIONS campaign.name AS spend METRICS spend" + WHERE, PlanningError.DUPLICATE_NAME,
                        "line 1:43: the report already has a column named 'spend'; give this one another name with AS"),
                Arguments.of("METRICS spend, clicks AS spend_previous" + WHERE + " COMPARE PREVIOUS_PERIOD",
                        PlanningError.DUPLICATE_NAME, "line 1:26: 'spend_previous' is also the column COMPARE adds for"
                        + " the previous value of spend; give this one another name with AS"),
                Arguments.of("METRICS clicks AS spend_change, spend" + WHERE + " COMPARE PREVIOUS_PERIOD",
                        PlanningError.DUPLICATE_NAME, "line 1:19: 'spend_change' is also the column COMPARE adds for"
                        + " the change of spend; give this one another name with AS"),
                Arguments.of("DIMENSIONS campaign.name AS \"__level\" METRICS spend" + WHERE + " TOTALS GRAND",
                        PlanningError.RESERVED_NAME, "line 1:29: '__level' is reserved: names starting with __ are"
                        + " the planner's own columns; choose another name"),
                Arguments.of("DIMENSIONS campaign.name AS \"__x\" METRICS spend" + WHERE,
                        PlanningError.RESERVED_NAME, "line 1:29: '__x' is reserved: names starting with __ are"
                        + " the planner's own columns; choose another name"),
                Arguments.of("DIMENSIONS campaign.name METRICS spend AS row_type" + WHERE + " TOTALS GRAND",
                        PlanningError.RESERVED_NAME, "line 1:43: 'row_type' is reserved: exports of reports with totals"
                        + " add a row_type column; choose another name"),
                Arguments.of("METRICS spend AS \"" + A63 + "x\", clicks AS \"" + A63 + "y\"" + WHERE,
                        PlanningError.DUPLICATE_NAME, "line 1:96: '" + A63 + "y' and '" + A63 + "x' are the same"
                        + " to PostgreSQL, which keeps only the first 63 bytes of a name; make them differ sooner"),
                Arguments.of("METRICS spend AS \"" + A63 + "\"" + WHERE + " COMPARE PREVIOUS_PERIOD",
                        PlanningError.DUPLICATE_NAME, "line 1:18: '" + A63 + "_previous' and '" + A63 + "' are the"
                        + " same to PostgreSQL, which keeps only the first 63 bytes of a name; with COMPARE a metric's"
                        + " name may have at most 54 bytes"),
                Arguments.of(aliases(1665, ""), PlanningError.LIMIT_EXCEEDED, "line 1:" + column(aliases(1665, ""),
                        "c1665") + ": the report has 1665 columns, more than the 1664 PostgreSQL returns (COMPARE"
                        + " gives each metric three, totals add one)"),
                Arguments.of(aliases(555, " COMPARE PREVIOUS_PERIOD"), PlanningError.LIMIT_EXCEEDED, "line 1:"
                        + column(aliases(555, ""), "c555") + ": the report has 1665 columns, more than the 1664"
                        + " PostgreSQL returns (COMPARE gives each metric three, totals add one)"),
                Arguments.of(aliases(1664, " TOTALS GRAND"), PlanningError.LIMIT_EXCEEDED, "line 1:"
                        + column(aliases(1664, " TOTALS GRAND"), "TOTALS") + ": the report has 1665 columns, more than"
                        + " the 1664 PostgreSQL returns (COMPARE gives each metric three, totals add one)"),
                Arguments.of(aggregates(43), PlanningError.LIMIT_EXCEEDED, "line 1:" + column(aggregates(43), "m42")
                        + ": the report needs 1720 aggregates in one query, more than the 1664 columns PostgreSQL"
                        + " allows; split it into several reports"));
    }

    /** A report of {@code count} metrics named c1, c2, ... */
    private static String aliases(int count, String tail) {
        return "METRICS " + IntStream.rangeClosed(1, count).mapToObj(i -> "clicks AS c" + i)
                .collect(Collectors.joining(", ")) + WHERE + tail;
    }

    /** A report of {@code count} metrics of 40 different sums each (FROM, so they need no dataset of their own). */
    private static String aggregates(int count) {
        return "FROM ad_stats METRICS " + IntStream.rangeClosed(1, count).mapToObj(m -> IntStream.rangeClosed(1, 40)
                .mapToObj(a -> "sum(clicks + " + (m * 100 + a) + ")").collect(Collectors.joining(" + ")) + " AS m" + m)
                .collect(Collectors.joining(", ")) + WHERE;
    }

    private static int column(String report, String text) {
        return report.indexOf(text) + 1;
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("errors")
    void failsWithALocatedMessage(String report, PlanningError code, String message) {
        Refusals.assertRefused(report, TenantScope.of(1L), Map.of(), code, message);
    }

    @Test
    void namesAPlannerColumnDoesNotClashWithAreFine() {
        for (String report : new String[] {aliases(1664, ""), aliases(554, " COMPARE PREVIOUS_PERIOD"),
            aliases(1663, " TOTALS GRAND"), "DIMENSIONS campaign.name METRICS spend AS row_type" + WHERE,
            "METRICS spend AS \"" + A63 + "x\", clicks AS \"" + A63.substring(1) + "y\"" + WHERE,
            "METRICS spend AS \"" + "a".repeat(54) + "\"" + WHERE + " COMPARE PREVIOUS_PERIOD",
            "DIMENSIONS campaign.name AS \"Spend\" METRICS spend" + WHERE}) {
            assertThat(PLANNER.plan(new ReportParser().parseText(report), TenantScope.of(1L), Map.of()).columns())
                    .isNotEmpty();
        }
    }
}
