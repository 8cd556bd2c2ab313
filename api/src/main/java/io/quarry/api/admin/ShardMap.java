package io.quarry.api.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/admin/shards}: the nodes with the shards and bytes of Quarry's
 * distributed tables on each and whether the coordinator reaches them, the colocation groups,
 * the reference tables, and the skew: the largest node's bytes (and shard count) over the mean
 * of the nodes that take shards. On PostgreSQL: {@code distributed: false}, one local node.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
record ShardMap(boolean distributed, String postgresVersion, @Nullable String citusVersion, List<Node> nodes,
                List<ColocationGroup> colocationGroups, List<ReferenceTable> referenceTables,
                @Nullable Double skew, @Nullable Double shardSkew) {

    /** A node: {@code host:port}, its role, whether it takes shards, is active and answers. */
    @Serdeable
    record Node(String node, String role, boolean active, boolean shouldHaveShards, boolean healthy, long shards,
                long bytes) {
    }

    /** Tables whose shards are placed together: each shard index of every table on one node. */
    @Serdeable
    record ColocationGroup(int colocationId, int shardCount, List<String> tables) {
    }

    /** A table copied to every node. */
    @Serdeable
    record ReferenceTable(String table, long bytes) {
    }
}
