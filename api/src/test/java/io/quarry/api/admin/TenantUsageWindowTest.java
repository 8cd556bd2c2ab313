package io.quarry.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The usage window's arithmetic and its bound, on a clock the test moves. */
class TenantUsageWindowTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-06-01T10:00:30Z"));
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final TenantUsage usage = new TenantUsage(
            new AdminConfiguration("block_writes", 10, Duration.ofMinutes(30), 3), clock);

    @Test
    void usageIsSummedPerAccountAndSortedByWhatIsAsked() {
        usage.record(List.of(1L), 10.5, 100);
        usage.record(List.of(1L, 2L), 2, 7);
        usage.record(List.of(2L), 1, 1);
        usage.record(List.of(2L), 1, 1);
        assertThat(usage.top(Duration.ofMinutes(5), "time", 10)).containsExactly(
                new TenantUsage.Account(1, 2, 12.5, 107), new TenantUsage.Account(2, 3, 4, 9));
        assertThat(usage.top(Duration.ofMinutes(5), "reports", 1)).containsExactly(
                new TenantUsage.Account(2, 3, 4, 9));
        assertThat(usage.top(Duration.ofMinutes(5), "rows", 1)).extracting(TenantUsage.Account::account)
                .containsExactly(1L);
    }

    @Test
    void accountsBeyondTheBoundAreSummedUnderMinusOne() {
        usage.record(List.of(1L, 2L, 3L, 4L, 5L), 1, 1);
        usage.record(List.of(4L), 1, 1);
        usage.record(List.of(1L), 1, 1);
        assertThat(usage.top(Duration.ofMinutes(5), "reports", 10)).containsExactly(
                new TenantUsage.Account(TenantUsage.OTHER, 3, 3, 3), new TenantUsage.Account(1, 2, 2, 2),
                new TenantUsage.Account(2, 1, 1, 1), new TenantUsage.Account(3, 1, 1, 1));
        now.set(now.get().plusSeconds(60));
        usage.record(List.of(4L), 1, 1);
        assertThat(usage.top(Duration.ofMinutes(5), "reports", 10)).extracting(TenantUsage.Account::account)
                .as("a new minute has room again").contains(4L);
    }

    @Test
    void onlyTheAskedWindowCountsAndOlderMinutesAreDropped() {
        usage.record(List.of(7L), 1, 1);
        now.set(now.get().plus(Duration.ofMinutes(10)));
        usage.record(List.of(8L), 1, 1);
        assertThat(usage.top(Duration.ofMinutes(5), "time", 10)).extracting(TenantUsage.Account::account)
                .containsExactly(8L);
        assertThat(usage.top(Duration.ofMinutes(30), "time", 10)).extracting(TenantUsage.Account::account)
                .containsExactly(7L, 8L);
        now.set(now.get().plus(Duration.ofMinutes(31)));
        usage.record(List.of(9L), 1, 1);
        assertThat(usage.top(Duration.ofMinutes(30), "time", 10)).extracting(TenantUsage.Account::account)
                .containsExactly(9L);
    }
}
