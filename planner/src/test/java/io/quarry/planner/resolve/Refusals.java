package io.quarry.planner.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.planner.model.ModelLoader;
import io.quarry.planner.plan.Planner;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** The planner the error tables plan with (the shipped model; today is 2026-06-15 UTC), and their check. */
final class Refusals {

    static final Planner PLANNER = new Planner(ModelLoader.defaultModel(),
            Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC));

    private Refusals() {
    }

    /** Planning the report text fails with exactly this code and located message. */
    static void assertRefused(String report, TenantScope scope, Map<String, Object> parameters, PlanningError code,
                              String message) {
        assertThatThrownBy(() -> PLANNER.plan(new ReportParser().parseText(report), scope, parameters))
                .isInstanceOf(PlanningException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((PlanningException) e).code()).isEqualTo(code));
    }
}
