package io.quarry.api.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.ApiTest;
import io.quarry.api.planning.PlanSafety.UnsafePlanException;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.plan.Planner;
import io.quarry.planner.sql.RenderedSql;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The second wall in the running server: a plan whose statement lost a tenant filter is refused and counted. */
@MicronautTest
class PlanSafetyTest extends ApiTest {

    @Inject
    PlanSafety safety;

    @Inject
    Planner planner;

    @Inject
    MeterRegistry meters;

    @Test
    void aStatementWithoutATenantFilterIsRefusedAndCounted() {
        PlannedQuery query = planner.plan(new ReportParser().parseText(
                "DIMENSIONS campaign.name, date.day METRICS spend WHERE date DURING LAST_30_DAYS"), TenantScope.of(1L, 2L),
                Map.of());
        assertThat(safety.require(query)).isSameAs(query);
        String filter = "\n    AND \"campaign\".\"account_id\" = ANY(?::bigint[])";
        assertThat(query.sql().sql()).contains(filter);
        PlannedQuery tampered = new PlannedQuery(new RenderedSql(query.sql().sql().replace(filter, ""),
                query.sql().binds()), query.columns(), query.steps(), query.report());
        double before = refused();
        assertThatThrownBy(() -> safety.require(tampered))
                .isInstanceOf(UnsafePlanException.class)
                .satisfies(e -> assertThat(((UnsafePlanException) e).codes()).contains("MISSING_TENANT_FILTER"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SELECT"));
        assertThat(refused()).isEqualTo(before + 1);
    }

    private double refused() {
        Counter counter = meters.find("quarry.safety.refused").counter();
        return counter == null ? 0 : counter.count();
    }
}
