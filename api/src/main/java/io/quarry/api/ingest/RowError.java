package io.quarry.api.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One refused row of an ingest batch, located: the line of the body (1-based; a CSV header is
 * line 1) and the field (NDJSON member or CSV column) when the problem is one value's.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record RowError(String code, String detail, long line, @Nullable String field) {

    static RowError of(String code, long line, @Nullable String field, String detail) {
        return new RowError(code, detail, line, field);
    }
}
