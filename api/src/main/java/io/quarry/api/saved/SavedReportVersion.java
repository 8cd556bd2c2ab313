package io.quarry.api.saved;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.UUID;

/** One change of a saved report (table saved_report_versions): what it was after the change. */
@MappedEntity("saved_report_versions")
public record SavedReportVersion(
        @Id UUID reportId,
        long accountId,
        int version,
        String change,
        @Nullable Integer restoredFrom,
        String name,
        String description,
        @TypeDef(type = DataType.JSON) String definition,
        String savedBy,
        Instant savedAt) {

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String RESTORED = "restored";
    public static final String DELETED = "deleted";
}
