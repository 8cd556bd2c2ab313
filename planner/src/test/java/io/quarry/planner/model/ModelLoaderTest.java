package io.quarry.planner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelLoaderTest {

    static final String BASE = """
            tables:
              accounts: {tenant: true, columns: {account_id: integer, name: string}}
              campaigns: {tenant: true, columns: {account_id: integer, campaign_id: integer, name: string, country: string}}
              stats: {tenant: true, columns: {account_id: integer, campaign_id: integer, day: date, spend: decimal}}
              countries: {columns: {code: string, name: string}}
            entities:
              account: {table: accounts, key: [account_id]}
              campaign: {table: campaigns, key: [account_id, campaign_id]}
              country: {table: countries, key: [code]}
            datasets:
              stats: {table: stats, time_column: day}
            joins:
              - {from: stats, to: campaign, on: {account_id: account_id, campaign_id: campaign_id}}
              - {from: campaign, to: country, on: {country: code}}
            dimensions:
              date: {time: true, grains: [day, month]}
              campaign.name: {entity: campaign, column: name}
            metrics:
              spend: {dataset: stats, aggregation: sum, column: spend}
              double_spend: {formula: spend * 2}
            """;

    @Test
    void theShippedModelLoads() {
        SemanticModel model = ModelLoader.defaultModel();
        assertThat(model.metrics()).containsKeys("impressions", "clicks", "spend", "conversions", "conversion_value",
                "ctr", "cpc", "cpm", "cpa", "roas", "conversion_rate", "event_count", "unique_users");
        assertThat(model.dimensions()).containsKeys("date", "campaign.name", "campaign.status", "event.name");
        assertThat(model.graph().path("ad_stats", "country")).get().asList().hasSize(2);
    }

    @Test
    void aSmallValidModelLoads() {
        assertThat(ModelLoader.load(BASE, "test").metrics()).containsKeys("spend", "double_spend");
    }

    static Stream<Arguments> invalidModels() {
        return Stream.of(
                Arguments.of("unknown format in formats", BASE + "formats:\n  money: {scale: 2}\n",
                        "formats.money: unknown format 'money' (number, integer, currency, percent, text, date)"),
                Arguments.of("a scale for text", BASE + "formats:\n  text: {scale: 2}\n",
                        "formats.text: a text value is not a number; only number, integer, currency and percent have"
                        + " a scale"),
                Arguments.of("a scale out of range", BASE + "formats:\n  percent: {scale: 40}\n",
                        "formats.percent.scale must be a whole number from 0 to 12, not 40"),
                Arguments.of("a format without scale", BASE + "formats:\n  percent: {digits: 2}\n",
                        "formats.percent must be a mapping with one key, scale"),
                Arguments.of("tenant join without account_id",
                        BASE.replace("on: {account_id: account_id, campaign_id: campaign_id}", "on: {campaign_id: campaign_id}"),
                        "join stats -> campaign: a join between tenant tables must include account_id = account_id"
                        + " (Citus keeps such joins on one worker)"),
                Arguments.of("unknown dimension column",
                        BASE.replace("campaign.name: {entity: campaign, column: name}",
                                "campaign.name: {entity: campaign, column: title}"),
                        "dimension campaign.name: unknown column 'title' in campaigns"),
                Arguments.of("unknown join column",
                        BASE.replace("on: {country: code}", "on: {country_code: code}"),
                        "join campaign -> country: unknown column 'country_code' in campaigns"),
                Arguments.of("join cycle",
                        BASE.replace("  - {from: campaign, to: country, on: {country: code}}",
                                "  - {from: campaign, to: country, on: {country: code}}\n"
                                + "  - {from: country, to: campaign, on: {code: country}}"),
                        "join cycle: campaign -> country -> campaign"),
                Arguments.of("ambiguous join path",
                        BASE.replace("  - {from: campaign, to: country, on: {country: code}}",
                                "  - {from: campaign, to: country, on: {country: code}}\n"
                                + "  - {from: stats, to: account, on: {account_id: account_id}}\n"
                                + "  - {from: campaign, to: account, on: {account_id: account_id}}"),
                        "ambiguous join paths from stats to account: stats -> campaign -> account and stats -> account"),
                Arguments.of("tenant table without account_id",
                        BASE.replace("accounts: {tenant: true, columns: {account_id: integer, name: string}}",
                                "accounts: {tenant: true, columns: {id: integer, name: string}}"),
                        "table accounts: a tenant table needs an integer account_id column"),
                Arguments.of("unknown field",
                        BASE.replace("spend: {dataset: stats, aggregation: sum, column: spend}",
                                "spend: {dataset: stats, aggregation: sum, column: spend, colour: red}"),
                        "metric spend: unknown field 'colour' (expected one of dataset, aggregation, column,"
                        + " expression, formula, type, label, format, description)"),
                Arguments.of("self-referencing formula",
                        BASE.replace("double_spend: {formula: spend * 2}", "double_spend: {formula: double_spend * 2}"),
                        "metric double_spend: formula refers to itself"),
                Arguments.of("unknown aggregation",
                        BASE.replace("aggregation: sum", "aggregation: median"),
                        "metric spend aggregation: unknown aggregation 'median' (sum, count, count_distinct, avg,"
                        + " min, max, approx_distinct)"),
                Arguments.of("empty model", "tables: {x: {columns: {a: integer}}}",
                        "a model needs at least one dataset and one metric"),
                Arguments.of("formula over an unknown metric",
                        BASE.replace("formula: spend * 2", "formula: spent * 2"),
                        "metric double_spend: unknown metric 'spent' in formula"),
                Arguments.of("dataset naming a table missing under tables",
                        BASE.replace("stats: {table: stats, time_column: day}", "stats: {table: statz, time_column: day}"),
                        "dataset stats: unknown table 'statz'"),
                Arguments.of("entity naming a table missing under tables",
                        BASE.replace("campaign: {table: campaigns,", "campaign: {table: campaignz,"),
                        "entity campaign: unknown table 'campaignz'"));
    }

    @Test
    void everyProblemIsListedAtOnce() {
        String yaml = BASE.replace("stats: {table: stats, time_column: day}", "stats: {table: statz, time_column: day}")
                .replace("spend: {dataset: stats, aggregation: sum, column: spend}",
                        "spend: {dataset: stats, aggregation: sum, column: spend, colour: red}")
                .replace("accounts: {tenant: true, columns: {account_id: integer, name: string}}",
                        "accounts: {tenant: true, columns: {id: integer, name: string}}");
        assertThatThrownBy(() -> ModelLoader.load(yaml, "test.yaml"))
                .isInstanceOf(ModelException.class)
                .satisfies(e -> assertThat(((ModelException) e).problems()).containsExactly(
                        "metric spend: unknown field 'colour' (expected one of dataset, aggregation, column,"
                        + " expression, formula, type, label, format, description)",
                        "table accounts: a tenant table needs an integer account_id column",
                        "dataset stats: unknown table 'statz'",
                        "entity account: unknown key column 'account_id' in accounts"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidModels")
    void invalidModelsStopTheStartWithAClearMessage(String name, String yaml, String problem) {
        assertThatThrownBy(() -> ModelLoader.load(yaml, "test.yaml"))
                .isInstanceOf(ModelException.class)
                .satisfies(e -> assertThat(((ModelException) e).problems()).contains(problem))
                .hasMessageStartingWith("invalid semantic model test.yaml:");
    }
}
