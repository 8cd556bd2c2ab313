package io.quarry.planner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.planner.model.ModelLoader;
import io.quarry.planner.plan.Planner;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's inputs are valid, so a benchmark never measures an error path. */
class PlanBenchmarkInputsTest {

    @Test
    void inputsPlan() {
        Planner planner = new Planner(ModelLoader.defaultModel(), Clock.systemUTC());
        assertThat(planner.plan(new ReportParser().parseText(PlanBenchmark.TYPICAL), TenantScope.of(1L), Map.of()).columns())
                .hasSize(8);
        assertThat(planner.plan(new ReportParser().parseText(PlanBenchmark.wideReport()), TenantScope.of(1L), Map.of()).columns())
                .hasSize(60);
        assertThat(ModelLoader.load(PlanBenchmark.model(200), "benchmark").datasets()).hasSize(200);
    }
}
