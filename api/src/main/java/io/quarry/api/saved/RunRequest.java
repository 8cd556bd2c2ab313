package io.quarry.api.saved;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * How to run a saved report: values of its declared parameters, and overrides for this run only:
 * a date range replacing the report's own date conditions, extra filters (expressions ANDed to
 * its WHERE) and a row limit.
 */
@Serdeable
public record RunRequest(@Nullable @Schema(ref = "#/components/schemas/ParameterValues")
                         Map<String, Object> parameters, @Nullable LocalDate from, @Nullable LocalDate to,
                         @Nullable List<String> filters, @Nullable Long limit) {

    static final RunRequest NONE = new RunRequest(null, null, null, null, null);

    Map<String, Object> parameterValues() {
        return parameters == null ? Map.of() : parameters;
    }
}
