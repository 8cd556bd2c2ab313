package io.quarry.api.saved;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.quarry.api.problem.Problem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the saved-report endpoints answer. */
public final class SavedReportViews {

    /** The OpenAPI schema of a report's JSON form (src/main/openapi). */
    static final String REPORT_JSON = "#/components/schemas/ReportJson";

    private SavedReportViews() {
    }

    /** A saved report with its definition (JSON and text form), parameters and whether it still plans. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Report(UUID id, long account, String name, @Nullable String description, String owner,
                         int version, Instant createdAt, Instant updatedAt, String updatedBy,
                         @Schema(ref = REPORT_JSON, requiredMode = Schema.RequiredMode.REQUIRED) JsonNode definition,
                         @Nullable String text, List<Parameter> parameters, Status status) {
    }

    /** A declared parameter: its type, its default (text form) if any. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Parameter(String name, String type, @JsonProperty("default") @Nullable String defaultValue,
                            boolean required) {
    }

    /** Whether the definition plans against the current model for the report's account, and if not, why. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Status(boolean valid, List<Problem.Located> errors) {
    }

    /** A report in a list: no definition. */
    @Serdeable
    public record Summary(UUID id, long account, String name, @Nullable String description, String owner, int version,
                          Instant createdAt, Instant updatedAt, boolean valid) {
    }

    /** A page of a list, with the number of reports matching the filters. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<Summary> items, long total, long offset, int limit) {
    }

    /** One entry of a report's history: what the report was after that change. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Version(int version, String change, @Nullable Integer restoredFrom, String name,
                          @Nullable String description, String savedBy, Instant savedAt,
                          @Schema(ref = REPORT_JSON, requiredMode = Schema.RequiredMode.REQUIRED) JsonNode definition) {
    }
}
