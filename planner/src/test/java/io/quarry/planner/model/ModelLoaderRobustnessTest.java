package io.quarry.planner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed models (wrong shapes, missing and dangling names, seeded mutations of a valid one)
 * load or fail with a {@link ModelException} listing problems; never with another exception.
 */
class ModelLoaderRobustnessTest {

    /** The loader test's small valid model, with a dimension that is an expression. */
    private static final String VALID = ModelLoaderTest.BASE.replace("  campaign.name: {entity: campaign, column: name}\n",
            "  campaign.name: {entity: campaign, column: name}\n  country.name: {entity: country, expression: \"lower(name)\"}\n");

    static Stream<String> malformed() {
        return Stream.of(
                "", "null", "[1, 2]", "tables: 5", "tables: {t: 5}", "tables: {t: {columns: [a, b]}}",
                "tables: {t: {columns: {a: {b: c}}}}",
                VALID.replace("campaign: {table: campaigns,", "campaign: {table: nowhere,"),
                VALID.replace("stats: {table: stats, time_column: day}", "stats: {table: nowhere, time_column: day}"),
                VALID.replace("stats: {table: stats, time_column: day}", "stats: 5"),
                VALID.replace("stats: {table: stats, time_column: day}", "stats: {table: [a], time_column: {b: c}}"),
                VALID.replace("key: [account_id]", "key: 5"),
                VALID.replace("key: [account_id]", "key: {a: b}"),
                VALID.replace("- {from: campaign, to: country, on: {country: code}}", "- 5"),
                VALID.replace("- {from: campaign, to: country, on: {country: code}}", "- {from: campaign, to: nowhere}"),
                VALID.replace("- {from: campaign, to: country, on: {country: code}}", "- {from: nowhere, to: country,"
                        + " on: {country: code}}"),
                VALID.replace("on: {country: code}", "on: [country, code]"),
                VALID.replace("joins:\n  - {from: stats", "joins: {a: 1}\nx:\n  - {from: stats"),
                VALID.replace("date: {time: true, grains: [day, month]}", "date: {time: true, grains: 5}"),
                VALID.replace("campaign.name: {entity: campaign, column: name}", "campaign.name: 5"),
                VALID.replace("campaign.name: {entity: campaign, column: name}", "campaign.name: {entity: nowhere,"
                        + " column: name}"),
                VALID.replace("country.name: {entity: country, expression: \"lower(name)\"}",
                        "country.name: {entity: country, expression: \"lower(\"}"),
                VALID.replace("spend: {dataset: stats, aggregation: sum, column: spend}", "spend: null"),
                VALID.replace("spend: {dataset: stats, aggregation: sum, column: spend}",
                        "spend: {dataset: nowhere, aggregation: sum, column: spend}"),
                VALID.replace("spend: {dataset: stats, aggregation: sum, column: spend}",
                        "spend: {dataset: [a], aggregation: {b: c}, column: [d]}"),
                VALID.replace("double_spend: {formula: spend * 2}", "double_spend: {formula: [1]}"),
                VALID.replace("double_spend: {formula: spend * 2}", "double_spend: {formula: \"spend +\"}"),
                VALID.replace("distribution_column", "x") + "distribution_column: [a]\n");
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedModelsFailWithTheirProblems(String yaml) {
        assertThat(catchThrowable(() -> ModelLoader.load(yaml, "test.yaml")))
                .isInstanceOf(ModelException.class)
                .satisfies(e -> assertThat(((ModelException) e).problems()).isNotEmpty());
    }

    @Test
    void aTenantFlagThatIsNoBooleanIsRefusedNotReadAsReference() {
        String typo = VALID.replaceFirst("tenant: true", "tenant: ture");
        assertThat(typo).isNotEqualTo(VALID);
        assertThat(catchThrowable(() -> ModelLoader.load(typo, "test.yaml")))
                .isInstanceOf(ModelException.class)
                .satisfies(e -> assertThat(((ModelException) e).problems())
                        .anyMatch(p -> p.contains("tenant must be true or false, not 'ture'")));
    }

    @Test
    void mutatedModelsLoadOrFailWithAModelException() {
        Random random = new Random(20_260_615L);
        String[] replacements = {"", "5", "null", "[]", "{}", "nowhere", "[a, b]", "{a: b}", "\"\"", "account_id"};
        List<String> lines = VALID.lines().toList();
        for (int round = 0; round < 2_000; round++) {
            List<String> mutated = new ArrayList<>(lines);
            for (int edit = 0; edit < 1 + random.nextInt(3); edit++) {
                int at = random.nextInt(mutated.size());
                String line = mutated.get(at);
                String[] values = line.split("(?<=: )|(?=[,}\\]])");
                int part = random.nextInt(values.length);
                values[part] = random.nextBoolean() ? replacements[random.nextInt(replacements.length)] : "";
                mutated.set(at, random.nextInt(10) == 0 ? "" : String.join("", values));
            }
            String yaml = String.join("\n", mutated);
            Throwable thrown = catchThrowable(() -> ModelLoader.load(yaml, "mutated.yaml"));
            assertThat(thrown).as("round %d:\n%s", round, yaml).satisfiesAnyOf(
                    t -> assertThat(t).isNull(),
                    t -> assertThat(t).isInstanceOf(ModelException.class));
        }
    }
}
