package io.quarry.api.admin;

import io.quarry.api.admin.TenantRepository.Occupancy;
import io.quarry.api.admin.TenantRepository.ShardRange;
import io.quarry.api.admin.TenantRepository.TableRows;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which tenants are big and where they live. Rows are counted; bytes are estimated: a shard's
 * (or, on PostgreSQL, a table's) bytes shared among the accounts in it by their rows, because
 * PostgreSQL measures relations, not the rows of one account in them.
 */
@Singleton
final class TenantSizes {

    /** How tenants can be ordered: {@code size} (bytes, largest first), {@code rows} (largest first), {@code account}. */
    static final String SORTS = "size|rows|account";

    private final TenantRepository repository;

    TenantSizes(TenantRepository repository) {
        this.repository = repository;
    }

    TenantViews.Page list(String sort, int limit) throws SQLException {
        Occupancy occupancy = repository.occupancy();
        long totalBytes = totalBytes(occupancy);
        List<TenantViews.Tenant> tenants = tenants(occupancy, totalBytes);
        Comparator<TenantViews.Tenant> order = switch (sort) {
            case "rows" -> Comparator.comparingLong(TenantViews.Tenant::rows).reversed();
            case "account" -> Comparator.comparingLong(TenantViews.Tenant::account);
            default -> Comparator.comparingLong(TenantViews.Tenant::bytes).reversed();
        };
        List<TenantViews.Tenant> page = tenants.stream()
                .sorted(order.thenComparingLong(TenantViews.Tenant::account)).limit(limit).toList();
        return new TenantViews.Page(occupancy.distributed(), sort, tenants.size(),
                tenants.stream().mapToLong(TenantViews.Tenant::rows).sum(), totalBytes, page);
    }

    TenantViews.Detail detail(long account) throws SQLException {
        Occupancy occupancy = repository.occupancy();
        long totalBytes = totalBytes(occupancy);
        return tenants(occupancy, totalBytes).stream().filter(t -> t.account() == account).findFirst()
                .map(tenant -> new TenantViews.Detail(occupancy.distributed(), totalBytes, tenant))
                .orElseThrow(() -> AdminException.unknownAccount(account));
    }

    private static long totalBytes(Occupancy occupancy) {
        return occupancy.distributed() ? occupancy.shards().stream().mapToLong(ShardRange::bytes).sum()
                : occupancy.tables().stream().mapToLong(TableRows::bytes).sum();
    }

    private static List<TenantViews.Tenant> tenants(Occupancy occupancy, long totalBytes) {
        TreeSet<Long> accounts = new TreeSet<>();
        occupancy.tables().forEach(t -> accounts.addAll(t.rowsByAccount().keySet()));
        Map<Long, List<TenantViews.Table>> byAccount = new HashMap<>();
        for (TableRows table : occupancy.tables()) {
            List<ShardRange> shards = occupancy.shards().stream().filter(s -> s.table().equals(table.table())).toList();
            Map<ShardRange, Long> shardRows = new HashMap<>();
            long tableRows = table.rowsByAccount().values().stream().mapToLong(Long::longValue).sum();
            if (occupancy.distributed()) {
                table.rowsByAccount().forEach((account, rows) ->
                        shardRows.merge(shard(table.table(), shards, occupancy.hashes().get(account)), rows, Long::sum));
            }
            for (long account : accounts) {
                long rows = table.rowsByAccount().getOrDefault(account, 0L);
                TenantViews.Table entry;
                if (occupancy.distributed()) {
                    ShardRange shard = shard(table.table(), shards, occupancy.hashes().get(account));
                    entry = new TenantViews.Table(table.table(), rows, share(shard.bytes(), rows,
                            shardRows.getOrDefault(shard, 0L)), shard.shardId(), shard.node(), shard.isolated());
                } else {
                    entry = new TenantViews.Table(table.table(), rows, share(table.bytes(), rows, tableRows), null,
                            null, null);
                }
                byAccount.computeIfAbsent(account, a -> new ArrayList<>()).add(entry);
            }
        }
        return accounts.stream().map(account -> {
            List<TenantViews.Table> tables = byAccount.get(account);
            long bytes = tables.stream().mapToLong(TenantViews.Table::bytes).sum();
            return new TenantViews.Tenant(account, tables.stream().mapToLong(TenantViews.Table::rows).sum(), bytes,
                    totalBytes == 0 ? 0 : bytes / (double) totalBytes, List.copyOf(tables));
        }).toList();
    }

    private static ShardRange shard(String table, List<ShardRange> shards, int hash) {
        return shards.stream().filter(s -> s.holds(hash)).findFirst().orElseThrow(() ->
                new IllegalStateException("no shard of " + table + " covers hash " + hash));
    }

    private static long share(long bytes, long rows, long of) {
        return of == 0 ? 0 : Math.round(bytes * (rows / (double) of));
    }
}
