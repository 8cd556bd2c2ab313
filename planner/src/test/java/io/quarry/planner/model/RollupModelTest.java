package io.quarry.planner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The model's rollups section: what loads, and the validator's message for each mistake. */
class RollupModelTest {

    private static String withRollup(String rollup) {
        return ModelLoaderTest.BASE + "rollups:\n  stats_monthly: " + rollup + "\n";
    }

    @Test
    void aRollupLoadsWithItsTableInTheFactsTerms() {
        SemanticModel model = ModelLoader.load(withRollup(
                "{dataset: stats, grain: month, keys: [campaign_id], measures: {spend: sum(spend), n: count(*)}}"), "t");
        Rollup rollup = model.rollups().get(0);
        assertThat(rollup.grain()).isEqualTo(RollupGrain.MONTH);
        assertThat(model.tableOf(rollup).columns()).containsOnlyKeys("account_id", "campaign_id", "day", "spend", "n");
        assertThat(model.tableOf(rollup).tenant()).isTrue();
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("{dataset: nope, grain: day, keys: [], measures: {n: count(*)}}",
                        "rollup stats_monthly: dataset must name one of the model's datasets"),
                Arguments.of("{dataset: stats, grain: week, keys: [], measures: {n: count(*)}}",
                        "rollup stats_monthly: unknown rollup grain 'week' (hour, day, month)"),
                Arguments.of("{dataset: stats, grain: hour, keys: [], measures: {n: count(*)}}",
                        "rollup stats_monthly: grain hour needs a timestamp time column; stats.day is a date"),
                Arguments.of("{dataset: stats, grain: day, keys: [ad_id], measures: {n: count(*)}}",
                        "rollup stats_monthly: key 'ad_id' is not a column of stats"),
                Arguments.of("{dataset: stats, grain: day, keys: [day], measures: {n: count(*)}}",
                        "rollup stats_monthly: key 'day' is kept anyway (the distribution and time columns are) or listed twice"),
                Arguments.of("{dataset: stats, grain: day, keys: [], measures: {s: avg(spend)}}",
                        "rollup stats_monthly measure s: 'avg(spend)' must be sum(x), count(*), min(x), max(x) or"
                                + " approx_distinct(x), which re-aggregate"),
                Arguments.of("{dataset: stats, grain: day, keys: [], measures: {s: count(spend)}}",
                        "rollup stats_monthly measure s: 'count(spend)' takes *"),
                Arguments.of("{dataset: stats, grain: day, keys: [], measures: {s: sum(campaign.name)}}",
                        "rollup stats_monthly measure s: 'campaign.name' is not a column of stats"),
                Arguments.of("{dataset: stats, grain: day, keys: [campaign_id], measures: {campaign_id: count(*)}}",
                        "rollup stats_monthly: measure column 'campaign_id' is also a key or time column"),
                Arguments.of("{dataset: stats, grain: day, keys: [], measures: {}}",
                        "rollup stats_monthly: measures must map column names to aggregates, e.g. clicks: sum(clicks)"),
                Arguments.of("{dataset: stats, grain: day, measures: {n: count(*)}, table: x}",
                        "rollup stats_monthly: unknown field 'table' (expected one of dataset, grain, keys, measures,"
                                + " description)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("mistakes")
    void aWrongRollupStopsTheStartWithItsProblem(String rollup, String problem) {
        assertThatThrownBy(() -> ModelLoader.load(withRollup(rollup), "test.yaml")).isInstanceOf(ModelException.class)
                .hasMessageContaining(problem);
    }
}
