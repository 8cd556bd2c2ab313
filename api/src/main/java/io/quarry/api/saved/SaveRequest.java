package io.quarry.api.saved;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A saved report to create or the new content of one to update. {@code definition} is the report
 * in its JSON form (an object) or its text form (a string). {@code account} picks the account of
 * a new report (needed when the token has several); {@code version} is the version an update
 * edits, when not given as If-Match.
 */
@Serdeable
public record SaveRequest(@Nullable Long account,
                          @NotBlank @Size(max = 200) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String name,
                          @Nullable @Size(max = 4000) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE)
                          String description,
                          @NotNull @Schema(ref = "#/components/schemas/SavedDefinition",
                                  requiredMode = Schema.RequiredMode.REQUIRED) JsonNode definition,
                          @Nullable Integer version) {

    /** PostgreSQL text cannot hold NUL (U+0000). */
    static final String NO_NUL = "[^\\x00]*";
    static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";
}
