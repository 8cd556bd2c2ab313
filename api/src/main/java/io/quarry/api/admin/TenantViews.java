package io.quarry.api.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The answers of {@code GET /api/v1/admin/tenants} and {@code /tenants/{account}}. */
final class TenantViews {

    private TenantViews() {
    }

    /**
     * One tenant table of an account: its rows, its estimated bytes (the bytes of the shard, or of
     * the table on PostgreSQL, in proportion to the account's share of its rows), and on Citus
     * the shard that holds the account, its node, and whether that shard holds only this account.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Table(String table, long rows, long bytes, @Nullable Long shardId, @Nullable String node,
                 @Nullable Boolean isolated) {
    }

    /** An account: its rows and estimated bytes over all tenant tables, and its share of all tenant bytes. */
    @Serdeable
    record Tenant(long account, long rows, long bytes, double share, List<Table> tables) {
    }

    /** Tenants, largest first (or as sorted), with the totals they are shares of. */
    @Serdeable
    record Page(boolean distributed, String sort, int accounts, long totalRows, long totalBytes, List<Tenant> tenants) {
    }

    /** Where one of an account's tables lives: its shard, node, and whether the shard holds only that account. */
    @Serdeable
    record Placement(String table, long shardId, String node, boolean isolated) {
    }

    /** One account in detail. */
    @Serdeable
    record Detail(boolean distributed, long totalBytes, Tenant tenant) {
    }
}
