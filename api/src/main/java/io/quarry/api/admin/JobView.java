package io.quarry.api.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A background admin job as {@code GET /api/v1/admin/jobs/{id}} answers it: its state
 * ({@code queued}, {@code running}, {@code succeeded}, {@code failed}), the steps done so far
 * (the last is the current one), the tenant's placement before and after, and the error of a
 * failed job.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
record JobView(String id, String kind, String target, String subject, String state, List<String> steps,
               Instant submittedAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
               @Nullable List<TenantViews.Placement> before, @Nullable List<TenantViews.Placement> after,
               @Nullable String error) {
}
