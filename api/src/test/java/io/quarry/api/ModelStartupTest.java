package io.quarry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.plan.Planner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model ships with the api, can be replaced by configuration, and an invalid one stops the start. */
class ModelStartupTest {

    @TempDir
    Path dir;

    @Test
    void theShippedModelIsLoadedAtStartup() {
        try (ApplicationContext context = ApplicationContext.run(new HashMap<String, Object>(TestDatabaseProperties.get()))) {
            assertThat(context.getBean(SemanticModel.class).metrics()).containsKey("roas");
            assertThat(context.getBean(Planner.class)).isNotNull();
        }
    }

    @Test
    void anInvalidModelStopsTheStartWithItsProblems() throws Exception {
        Path model = dir.resolve("model.yaml");
        Files.writeString(model, """
                tables:
                  stats: {tenant: true, columns: {account_id: integer, day: date}}
                  campaigns: {tenant: true, columns: {account_id: integer, campaign_id: integer}}
                entities:
                  campaign: {table: campaigns, key: [account_id, campaign_id]}
                datasets:
                  stats: {table: stats, time_column: day}
                joins:
                  - {from: stats, to: campaign, on: {campaign_id: campaign_id}}
                """);
        Map<String, Object> properties = new HashMap<>(TestDatabaseProperties.get());
        properties.put("quarry.model.path", model.toString());
        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasStackTraceContaining("invalid semantic model " + model)
                .hasStackTraceContaining("join stats -> campaign: unknown column 'campaign_id' in stats")
                .hasStackTraceContaining("a join between tenant tables must include account_id = account_id");
    }
}
