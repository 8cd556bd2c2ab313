package io.quarry.api.saved;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.UUID;

/**
 * The current version of a saved report (table saved_reports). {@code definition} is the
 * report's canonical JSON form. A deleted report keeps its row with {@code deletedAt} set.
 */
@MappedEntity("saved_reports")
public record SavedReport(
        @Id UUID reportId,
        long accountId,
        String name,
        String description,
        @TypeDef(type = DataType.JSON) String definition,
        String owner,
        int version,
        Instant createdAt,
        Instant updatedAt,
        String updatedBy,
        @Nullable Instant deletedAt) {
}
