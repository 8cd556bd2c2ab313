package io.quarry.api.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * Citus's latest rebalance job ({@code citus_rebalance_status()}): its id and state
 * ({@code scheduled}, {@code running}, {@code finished}, {@code cancelled}, {@code failed}...),
 * and Citus's details: the count of moves by state and the moves running now (shard, source and
 * target node, phase, bytes copied). {@code started} is false when a start found nothing to move.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
record RebalanceView(boolean started, @Nullable Long citusJobId, @Nullable String state,
                     @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable JsonNode details) {

    static RebalanceView nothingToMove() {
        return new RebalanceView(false, null, "nothing to move", null, null, null);
    }
}
