package io.quarry.api.admin;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The cluster-operations endpoints ({@code quarry.admin.*}).
 *
 * @param shardTransferMode how Citus moves and splits shards when isolating a tenant or
 *                          rebalancing: {@code block_writes} (copies; writes to the moving shard
 *                          wait, reads go on; works on any cluster) or {@code force_logical} /
 *                          {@code auto} (logical replication: needs {@code wal_level = logical}
 *                          on every node)
 * @param jobsKept          finished background jobs remembered for {@code GET /api/v1/admin/jobs/{id}}
 * @param usageWindow       how far back per-account usage is kept (in one-minute buckets)
 * @param usageAccounts     accounts tracked per minute; the rest are summed under account -1,
 *                          so memory and output stay bounded whatever the number of tenants
 */
@ConfigurationProperties("quarry.admin")
public record AdminConfiguration(@Bindable(defaultValue = "block_writes") String shardTransferMode,
                                 @Bindable(defaultValue = "100") int jobsKept,
                                 @Bindable(defaultValue = "1h") Duration usageWindow,
                                 @Bindable(defaultValue = "1000") int usageAccounts) {

    public AdminConfiguration {
        if (!shardTransferMode.matches("auto|force_logical|block_writes")) {
            throw new IllegalArgumentException("quarry.admin.shard-transfer-mode must be auto, force_logical or"
                    + " block_writes, not " + shardTransferMode);
        }
        if (jobsKept < 1 || usageAccounts < 1 || usageWindow.toMinutes() < 1) {
            throw new IllegalArgumentException("quarry.admin.jobs-kept and usage-accounts must be at least 1,"
                    + " usage-window at least 1m");
        }
    }
}
