package io.quarry.api.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.planner.model.ModelLoader;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.plan.Planner;
import io.quarry.planner.resolve.PlanningException;
import io.quarry.planner.resolve.ReportOutput;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Plans are reused only for the same text, accounts, rollup coverage generation and quarter hour. */
class PlanCacheTest {

    static final String REPORT = "DIMENSIONS campaign.name METRICS spend WHERE date >= today() - 7"
            + " TIMEZONE 'Asia/Kathmandu'";

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-22T18:14:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovableClock clock = new MovableClock();
    final Planner planner = new Planner(ModelLoader.defaultModel(), clock);
    final PlanCache cache = new PlanCache(clock);
    final AtomicInteger planned = new AtomicInteger();

    PlannedQuery plan(Set<Long> accounts) {
        return plan(accounts, 1);
    }

    PlannedQuery plan(Set<Long> accounts, long rollups) {
        return cache.get(new ReportSource.Body(REPORT, true), TenantScope.of(accounts), ReportOutput.ROWS, rollups,
                () -> {
                    planned.incrementAndGet();
                    return planner.plan(new ReportParser().parseText(REPORT), TenantScope.of(accounts), Map.of());
                });
    }

    @Test
    void theSameTextForTheSameAccountsInTheSameQuarterHourIsPlannedOnce() {
        PlannedQuery first = plan(Set.of(1L, 2L));
        assertThat(plan(Set.of(2L, 1L))).isSameAs(first);
        assertThat(planned).hasValue(1);
    }

    @Test
    void otherAccountsGetTheirOwnPlan() {
        PlannedQuery both = plan(Set.of(1L, 2L));
        PlannedQuery one = plan(Set.of(1L));
        assertThat(planned).hasValue(2);
        assertThat(one.sql().binds()).isNotEqualTo(both.sql().binds());
    }

    @Test
    void aNewQuarterHourPlansAgainSoRelativeDatesFollowEveryZonesMidnight() {
        // 18:14 UTC is 23:59 in Kathmandu (+05:45); at 18:15 it is the next day there.
        PlannedQuery before = plan(Set.of(1L));
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        PlannedQuery after = plan(Set.of(1L));
        assertThat(planned).hasValue(2);
        assertThat(after.sql().binds()).isNotEqualTo(before.sql().binds());
    }

    @Test
    void aNewRollupCoverageGenerationPlansAgain() {
        PlannedQuery first = plan(Set.of(1L), 1);
        assertThat(plan(Set.of(1L), 1)).isSameAs(first);
        assertThat(plan(Set.of(1L), 2)).isNotSameAs(first);
        assertThat(planned).hasValue(2);
    }

    @Test
    void failuresAreNotCached() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cache.get(new ReportSource.Body("METRICS nope", true), TenantScope.of(1L),
                    ReportOutput.ROWS, 1, () -> {
                        planned.incrementAndGet();
                        return planner.plan(new ReportParser().parseText("METRICS nope"), TenantScope.of(1L), Map.of());
                    })).isInstanceOf(PlanningException.class);
        }
        assertThat(planned).hasValue(2);
    }
}
