package io.quarry.planner.resolve;


import io.quarry.planner.tenant.TenantScope;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Function calls and expressions PostgreSQL would refuse (wrong arity, wrong argument types,
 * unknown functions, conditions that are not boolean): (report, code, exact located message).
 */
class TypeErrorsTest {

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("METRICS least(1.5, 2)", PlanningError.AGGREGATE_MISUSE,
                        "line 1:9: a metric needs an aggregate, such as sum(spend) or count(*); 'least(1.5, 2)' has none"),
                Arguments.of("METRICS nullif(sum(spend), 0, 1)", PlanningError.ARGUMENT_COUNT,
                        "line 1:9: nullif() takes 2 arguments, not 3"),
                Arguments.of("METRICS abs(sum(spend), 1)", PlanningError.ARGUMENT_COUNT,
                        "line 1:9: abs() takes 1 argument, not 2"),
                Arguments.of("METRICS sum(abs(spend, 1))", PlanningError.ARGUMENT_COUNT,
                        "line 1:13: abs() takes 1 argument, not 2"),
                Arguments.of("METRICS sum(nullif(spend, 0, 1))", PlanningError.ARGUMENT_COUNT,
                        "line 1:13: nullif() takes 2 arguments, not 3"),
                Arguments.of("METRICS coalesce()", PlanningError.ARGUMENT_COUNT,
                        "line 1:9: coalesce() takes 1 to 100 arguments, not 0"),
                Arguments.of("FROM events METRICS sum(name)", PlanningError.TYPE_MISMATCH,
                        "line 1:25: sum() needs a number, not string"),
                Arguments.of("FROM events METRICS avg(created_at)", PlanningError.TYPE_MISMATCH,
                        "line 1:25: avg() needs a number, not timestamp"),
                Arguments.of("METRICS sum(CASE WHEN clicks THEN 1 END)", PlanningError.TYPE_MISMATCH,
                        "line 1:23: a CASE condition must be boolean, not integer"),
                Arguments.of("METRICS sum(CASE WHEN clicks > 0 THEN 'x' ELSE 1 END)", PlanningError.TYPE_MISMATCH,
                        "line 1:48: CASE results must have one type, not string and integer"),
                Arguments.of("METRICS sum(CASE WHEN ad.format = 1 THEN spend END)", PlanningError.TYPE_MISMATCH,
                        "line 1:23: cannot compare string with integer"),
                Arguments.of("METRICS min(clicks > 0)", PlanningError.TYPE_MISMATCH,
                        "line 1:13: min() needs a number, string, date or timestamp, not boolean"),
                Arguments.of("FROM ad_stats METRICS sum(NULL)", PlanningError.TYPE_MISMATCH,
                        "line 1:27: sum() needs a number, not NULL"),
                Arguments.of("FROM ad_stats METRICS sum(campaign.name)", PlanningError.TYPE_MISMATCH,
                        "line 1:27: sum() needs a number, not string"),
                Arguments.of("METRICS sum(spend) + max(campaign.name)", PlanningError.TYPE_MISMATCH,
                        "line 1:22: arithmetic needs numbers, not string"),
                Arguments.of("METRICS sum(lower(clicks))", PlanningError.TYPE_MISMATCH,
                        "line 1:19: lower() needs a string, not integer"),
                Arguments.of("METRICS round(sum(spend), 2.5)", PlanningError.TYPE_MISMATCH,
                        "line 1:27: round() takes its decimal places as a whole number from -1000 to 1000, such as round(x, 2)"),
                Arguments.of("METRICS round(sum(spend), sum(clicks))", PlanningError.TYPE_MISMATCH,
                        "line 1:27: round() takes its decimal places as a whole number from -1000 to 1000, such as round(x, 2)"),
                Arguments.of("METRICS round(sum(spend), 1001)", PlanningError.TYPE_MISMATCH,
                        "line 1:27: round() takes its decimal places as a whole number from -1000 to 1000, such as round(x, 2)"),
                Arguments.of("FROM ad_stats METRICS count(DISTINCT substr(campaign.name, 1, -1))", PlanningError.TYPE_MISMATCH,
                        "line 1:63: substr() takes its start and length as whole numbers, the length not negative, such as substr(x, 1, 3)"),
                Arguments.of("FROM ad_stats METRICS count(DISTINCT substr(campaign.name, clicks))", PlanningError.TYPE_MISMATCH,
                        "line 1:60: substr() takes its start and length as whole numbers, the length not negative, such as substr(x, 1, 3)"),
                Arguments.of("METRICS sum(foo(spend))", PlanningError.UNKNOWN_FUNCTION,
                        "line 1:13: unknown function foo(); use abs, coalesce, concat, greatest, least, length, lower, nullif, round, substr, trim, upper"),
                Arguments.of("METRICS sum(absx(spend))", PlanningError.UNKNOWN_FUNCTION,
                        "line 1:13: unknown function absx(); use abs, coalesce, concat, greatest, least, length, lower, nullif, round, substr, trim, upper; did you mean 'abs'?"),
                Arguments.of("METRICS coalesce(sum(spend), max(campaign.name))", PlanningError.TYPE_MISMATCH,
                        "line 1:30: coalesce() arguments must have one type, not decimal and string"),
                Arguments.of("FROM ad_stats METRICS -max(campaign.name)", PlanningError.TYPE_MISMATCH,
                        "line 1:24: a negation needs a number, not string"),
                Arguments.of("METRICS sum(spend + 'x')", PlanningError.TYPE_MISMATCH,
                        "line 1:21: arithmetic needs numbers, not string"),
                Arguments.of("FROM ad_stats METRICS count(DISTINCT campaign.name AND TRUE)", PlanningError.TYPE_MISMATCH,
                        "line 1:38: AND needs conditions (boolean), not string"),
                Arguments.of("METRICS sum(CASE WHEN NOT clicks THEN 1 END)", PlanningError.TYPE_MISMATCH,
                        "line 1:27: NOT needs a condition (boolean), not integer"),
                Arguments.of("FROM ad_stats METRICS count(DISTINCT greatest(campaign.name, 1))", PlanningError.TYPE_MISMATCH,
                        "line 1:62: greatest() arguments must have one type, not string and integer"),
                Arguments.of("METRICS count(DISTINCT campaign.name = clicks)", PlanningError.TYPE_MISMATCH,
                        "line 1:24: cannot compare string with integer"),
                Arguments.of("FROM events METRICS max(name) AS n WHERE date DURING LAST_7_DAYS HAVING n > 5", PlanningError.TYPE_MISMATCH,
                        "line 1:77: a metric is string, but the number 5 is not"),
                Arguments.of("FROM events METRICS max(name) AS n WHERE date DURING LAST_7_DAYS HAVING n LIKE 'a\\'", PlanningError.INVALID_VALUE,
                        "line 1:80: a LIKE pattern must not end with the escape character \\ (write \\\\ to match a backslash)"),
                Arguments.of("METRICS sum(spend) * 10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000.5", PlanningError.INVALID_VALUE,
                        "line 1:22: a number may have at most 1000 digits"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void failsWithALocatedMessage(String report, PlanningError code, String message) {
        Refusals.assertRefused(report.contains(" WHERE ") ? report : report + " WHERE date DURING LAST_7_DAYS",
                TenantScope.of(1L), Map.of(), code, message);
    }
}
