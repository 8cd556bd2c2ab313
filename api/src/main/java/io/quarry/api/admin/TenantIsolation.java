package io.quarry.api.admin;

import io.quarry.api.admin.TenantRepository.Placement;
import io.quarry.api.admin.TenantRepository.ShardRange;
import io.quarry.api.auth.AdminCaller;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Gives a tenant shards of its own: {@code isolate_tenant_to_new_shard(table, account, 'CASCADE')}
 * on one table of each colocation group of Quarry's tenant tables, so the account's shard of every
 * colocated table is split out together (its rows stay joinable on one node; the new shards stay
 * on the node of the old ones until a rebalance or a move). Runs as a background job; reads keep
 * working throughout, writes to the split shards wait while it copies (with {@code block_writes}).
 */
@Singleton
final class TenantIsolation {

    private final TenantRepository tenants;
    private final CitusOperations citus;
    private final AdminJobs jobs;

    TenantIsolation(TenantRepository tenants, CitusOperations citus, AdminJobs jobs) {
        this.tenants = tenants;
        this.citus = citus;
        this.jobs = jobs;
    }

    JobView isolate(long account, AdminCaller admin) throws SQLException {
        if (!tenants.citus()) {
            throw AdminException.notDistributed("isolating a tenant");
        }
        Placement placement = tenants.placement(account);
        if (!placement.accountExists()) {
            throw AdminException.unknownAccount(account);
        }
        if (placement.shards().stream().allMatch(ShardRange::isolated)) {
            throw AdminException.conflict("ALREADY_ISOLATED", "The tenant is isolated already",
                    "every shard of account " + account + " holds that account only");
        }
        return jobs.submit("isolate tenant", "account " + account, admin.subject(), job -> {
            job.step("reading the placement before");
            List<TenantViews.Placement> before = view(tenants.placement(account));
            job.before(before);
            for (String anchor : tenants.colocationAnchors()) {
                Optional<TenantViews.Placement> shard = before.stream().filter(p -> p.table().equals(anchor)).findFirst();
                if (shard.isPresent() && shard.get().isolated()) {
                    job.step("skipped " + anchor + " and its colocated tables: isolated already");
                    continue;
                }
                job.step("isolate_tenant_to_new_shard(" + anchor + ", " + account + ", 'CASCADE')");
                long shardId = citus.isolate(anchor, account);
                job.step("account " + account + " now has shard " + shardId + " of " + anchor);
            }
            job.step("reading the placement after");
            job.after(view(tenants.placement(account)));
        });
    }

    private static List<TenantViews.Placement> view(Placement placement) {
        return placement.shards().stream()
                .map(s -> new TenantViews.Placement(s.table(), s.shardId(), s.node(), s.isolated())).toList();
    }
}
