package io.quarry.api.admin;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What each account's reports cost this instance: reports answered, database time and rows
 * returned, in one-minute buckets over {@code quarry.admin.usage-window}. Bounded: a bucket
 * tracks at most {@code usage-accounts} accounts and sums the rest under account {@value #OTHER}.
 * A report over several accounts counts for each of them; one answered from the cache counts with
 * no database time. {@link ReportUsageFilter} records the reports answered as JSON.
 */
@Singleton
public final class TenantUsage {

    /** The account the usage of accounts beyond the bound is summed under. */
    static final long OTHER = -1;

    private final ConcurrentSkipListMap<Long, Map<Long, long[]>> minutes = new ConcurrentSkipListMap<>();
    private final Duration window;
    private final int maxAccounts;
    private final Clock clock;

    @Inject
    TenantUsage(AdminConfiguration configuration) {
        this(configuration, Clock.systemUTC());
    }

    TenantUsage(AdminConfiguration configuration, Clock clock) {
        this.window = configuration.usageWindow();
        this.maxAccounts = configuration.usageAccounts();
        this.clock = clock;
    }

    /** One account's usage over a window. */
    @Serdeable
    record Account(long account, long reports, double databaseMillis, long rows) {
    }

    /** Counts a report answered for {@code accounts}. */
    public void record(Collection<Long> accounts, double databaseMillis, long rows) {
        long minute = clock.millis() / 60_000;
        Map<Long, long[]> bucket = minutes.computeIfAbsent(minute, m -> new HashMap<>());
        synchronized (bucket) {
            for (long account : accounts) {
                long key = bucket.containsKey(account) || bucket.size() < maxAccounts ? account : OTHER;
                long[] usage = bucket.computeIfAbsent(key, k -> new long[3]);
                usage[0]++;
                usage[1] += Math.round(databaseMillis * 1000);
                usage[2] += rows;
            }
        }
        minutes.headMap(minute - window.toMinutes()).clear();
    }

    /** The accounts that used most over the last {@code last} (at most the configured window), by {@code sort}. */
    List<Account> top(Duration last, String sort, int limit) {
        long from = clock.millis() / 60_000 - Math.min(last.toMinutes(), window.toMinutes());
        Map<Long, long[]> sums = new HashMap<>();
        for (Map<Long, long[]> bucket : minutes.tailMap(from, false).values()) {
            synchronized (bucket) {
                bucket.forEach((account, usage) -> {
                    long[] sum = sums.computeIfAbsent(account, a -> new long[3]);
                    for (int i = 0; i < 3; i++) {
                        sum[i] += usage[i];
                    }
                });
            }
        }
        List<Account> accounts = new ArrayList<>();
        sums.forEach((account, sum) -> accounts.add(new Account(account, sum[0], sum[1] / 1000.0, sum[2])));
        Comparator<Account> order = switch (sort) {
            case "reports" -> Comparator.comparingLong(Account::reports);
            case "rows" -> Comparator.comparingLong(Account::rows);
            default -> Comparator.comparingDouble(Account::databaseMillis);
        };
        return accounts.stream().sorted(order.reversed().thenComparingLong(Account::account)).limit(limit).toList();
    }

    Duration window() {
        return window;
    }
}
