package io.quarry.api.reports;

import java.sql.SQLException;

/**
 * The error a read meets when Citus moves a shard under it (tenant isolation, rebalancing): the
 * query was planned against the old placement, which is gone when it runs. Running the read
 * again plans it against the new placement, so a report answers instead of failing (seen in
 * IsolateTenantTest: 2 of 588 concurrent reports during an isolation).
 */
final class ShardMoves {

    private ShardMoves() {
    }

    static boolean raced(SQLException e) {
        String message = e.getMessage();
        return message != null && message.contains("could not find valid entry for shard");
    }
}
