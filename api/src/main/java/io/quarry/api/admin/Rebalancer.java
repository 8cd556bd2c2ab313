package io.quarry.api.admin;

import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Citus's background rebalancer: starts it (moving shards until every node that takes shards
 * holds about as many; a new worker gets its share, reference tables are copied to it first),
 * reports its progress and stops it. The moves run in Citus's own background workers, so they
 * go on whatever happens to this instance; reads keep working while a shard moves, and with
 * {@code block_writes} writes to the moving shard wait for it.
 */
@Singleton
final class Rebalancer {

    /** The states of a Citus job that has not ended. */
    private static final Set<String> ACTIVE = Set.of("scheduled", "running", "cancelling", "failing");

    private final TenantRepository tenants;
    private final CitusOperations citus;

    Rebalancer(TenantRepository tenants, CitusOperations citus) {
        this.tenants = tenants;
        this.citus = citus;
    }

    /** Starts a rebalance by {@code strategy} ({@code by_shard_count}, {@code by_disk_size}; null: Citus's default). */
    RebalanceView start(String strategy) throws SQLException {
        requireCitus();
        Optional<RebalanceView> current = citus.rebalanceStatus();
        if (current.isPresent() && ACTIVE.contains(current.get().state())) {
            throw AdminException.conflict("REBALANCE_RUNNING", "A rebalance is running",
                    "Citus job " + current.get().citusJobId() + " is " + current.get().state()
                            + "; stop it first or wait for it to end");
        }
        Optional<Long> job = citus.startRebalance(strategy);
        return job.isEmpty() ? RebalanceView.nothingToMove() : citus.rebalanceStatus().orElseThrow();
    }

    RebalanceView status() throws SQLException {
        requireCitus();
        return citus.rebalanceStatus().orElseThrow(AdminException::noRebalance);
    }

    RebalanceView stop() throws SQLException {
        RebalanceView current = status();
        if (!ACTIVE.contains(current.state())) {
            throw AdminException.conflict("NO_REBALANCE_RUNNING", "No rebalance is running",
                    "the latest rebalance, Citus job " + current.citusJobId() + ", is " + current.state());
        }
        citus.stopRebalance();
        return status();
    }

    private void requireCitus() throws SQLException {
        if (!tenants.citus()) {
            throw AdminException.notDistributed("rebalancing");
        }
    }
}
