package io.quarry.planner.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.planner.plan.Planner;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reports that cannot be planned: (report, code, exact message), each located in the report. */
class ResolverErrorsTest {

    private static final Planner PLANNER = Refusals.PLANNER;

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("DIMENSIONS campaign.nme METRICS spend", PlanningError.UNKNOWN_FIELD,
                        "line 1:12: unknown dimension 'campaign.nme'; did you mean 'campaign.name'?"),
                Arguments.of("DIMENSIONS campaign.name METRICS spnd", PlanningError.UNKNOWN_FIELD,
                        "line 1:34: unknown metric 'spnd'; did you mean 'spend'?"),
                Arguments.of("DIMENSIONS spend METRICS clicks", PlanningError.UNKNOWN_FIELD,
                        "line 1:12: 'spend' is a metric; list it under METRICS"),
                Arguments.of("METRICS campaign.name", PlanningError.AGGREGATE_MISUSE,
                        "line 1:9: 'campaign.name' is a dimension; list it under DIMENSIONS or aggregate it,"
                        + " e.g. count(DISTINCT campaign.name)"),
                Arguments.of("DIMENSIONS date.fortnight METRICS spend", PlanningError.UNKNOWN_FIELD,
                        "line 1:12: unknown grain 'fortnight' of date (day, week, month, quarter, year)"),
                Arguments.of("METRICS spend WHERE campaign.status = 3", PlanningError.TYPE_MISMATCH,
                        "line 1:39: campaign.status is string, but the number 3 is not"),
                Arguments.of("METRICS spend WHERE spend > 10", PlanningError.AGGREGATE_MISUSE,
                        "line 1:21: WHERE filters dimensions; filter metrics in HAVING"),
                Arguments.of("METRICS spend HAVING campaign.name = 'x'", PlanningError.AGGREGATE_MISUSE,
                        "line 1:22: HAVING filters metrics; filter dimensions in WHERE"),
                Arguments.of("METRICS spend WHERE date DURING LAST_7_DAYS OR campaign.status = 'ACTIVE'",
                        PlanningError.DATE_FILTER_SHAPE, "line 1:21: filter the date with AND-ed ranges on the plain"
                        + " date: date DURING LAST_30_DAYS, date >= DATE '2026-01-01', date BETWEEN ... AND ..."
                        + " (not under OR or NOT, not on a grain)"),
                Arguments.of("METRICS spend WHERE date >= DATE '2026-02-01' AND date < DATE '2026-01-01'",
                        PlanningError.DATE_FILTER_SHAPE, "line 1:21: the date conditions leave no day to report on"),
                Arguments.of("METRICS spend ACCOUNTS (1, 99)", PlanningError.ACCOUNT_NOT_PERMITTED,
                        "line 1:28: account 99 is not one the caller may read"),
                Arguments.of("METRICS spend WHERE campaign.status = :status", PlanningError.PARAMETER_MISSING,
                        "line 1:39: no value for parameter :status"),
                Arguments.of("METRICS median(spend)", PlanningError.UNKNOWN_FUNCTION,
                        "line 1:9: unknown function median() in a metric; use sum, count, avg, min, max, abs,"
                        + " coalesce, greatest, least, nullif, round"),
                Arguments.of("METRICS sum(sum(spend))", PlanningError.AGGREGATE_MISUSE,
                        "line 1:13: an aggregate cannot contain another aggregate"),
                Arguments.of("METRICS count(*)", PlanningError.AMBIGUOUS_DATASET,
                        "line 1:9: cannot tell which dataset count(...) aggregates (candidates: ad_stats, events);"
                        + " name it with FROM"),
                Arguments.of("FROM ad_stat METRICS spend", PlanningError.UNKNOWN_FIELD,
                        "line 1:6: unknown dataset 'ad_stat'; did you mean 'ad_stats'?"),
                Arguments.of("DIMENSIONS event.name METRICS spend", PlanningError.NOT_REACHABLE,
                        "line 1:12: event.name cannot be combined with metrics of ad_stats: no join leads from"
                        + " ad_stats to events"),
                Arguments.of("DIMENSIONS campaign.name METRICS spend ORDER BY ctr", PlanningError.UNKNOWN_FIELD,
                        "line 1:49: ORDER BY sorts by the report's columns; 'ctr' is not selected: add it to METRICS"
                        + " (the columns: campaign.name, spend)"),
                Arguments.of("DIMENSIONS campaign.name METRICS spend ORDER BY spnd", PlanningError.UNKNOWN_FIELD,
                        "line 1:49: ORDER BY names a column of the report; 'spnd' is not one (the columns:"
                        + " campaign.name, spend); did you mean 'spend'?"),
                Arguments.of("METRICS sum(spnd)", PlanningError.UNKNOWN_FIELD,
                        "line 1:13: unknown column 'spnd': no dataset has it; did you mean 'spend'?"),
                Arguments.of("FROM events METRICS ctr", PlanningError.DATASET_MISMATCH,
                        "line 1:6: the report reads FROM events, but none of its metrics reads events (they read"
                        + " ad_stats); remove FROM or ask for a metric of events"),
                Arguments.of("METRICS spend LIMIT :n", PlanningError.PARAMETER_MISSING, "line 1:21: no value for parameter :n"),
                Arguments.of("METRICS spend WHERE date BETWEEN DATE '2000-01-01' AND DATE '2026-01-01'",
                        PlanningError.LIMIT_EXCEEDED, "line 1:21: the date range covers 9498 days, more than the limit of 3660"),
                Arguments.of("METRICS spend WHERE campaign.id IN (" + String.join(", ",
                        IntStream.rangeClosed(1, 1001).mapToObj(Integer::toString).toList()) + ")",
                        PlanningError.LIMIT_EXCEEDED, "line 1:21: an IN list has 1001 values, more than the limit of 1000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void failsWithALocatedMessage(String report, PlanningError code, String message) {
        Refusals.assertRefused(report, TenantScope.of(1L, 2L), Map.of(), code, message);
    }

    @Test
    void aPivotNeedsPivotByAndAnAccountOutsideTheScopeIsRefusedWhereItIsNamed() {
        assertThatThrownBy(() -> PLANNER.plan(new ReportParser().parseText("DIMENSIONS campaign.name METRICS spend"),
                TenantScope.of(1L), Map.of(), ReportOutput.PIVOT))
                .isInstanceOf(PlanningException.class)
                .hasMessage("line 1:1: a pivot report needs PIVOT BY (JSON: \"pivotBy\")");
        assertThatThrownBy(() -> PLANNER.plan(new ReportParser().parseText("METRICS spend ACCOUNTS (1, 3)"),
                TenantScope.of(1L, 2L), Map.of()))
                .isInstanceOf(PlanningException.class)
                .hasMessage("line 1:28: account 3 is not one the caller may read")
                .satisfies(e -> assertThat(((PlanningException) e).code()).isEqualTo(PlanningError.ACCOUNT_NOT_PERMITTED));
        assertThat(PLANNER.plan(new ReportParser().parseText("METRICS spend WHERE date DURING LAST_7_DAYS ACCOUNTS (2)"),
                TenantScope.of(1L, 2L),
                Map.of()).report().scope()).isEqualTo(TenantScope.of(2L));
    }
}
