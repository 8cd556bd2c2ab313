package io.quarry.api.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.quarry.api.problem.Problem;
import java.util.List;

/**
 * The problem+json body of a refused batch: the RFC 9457 members and Quarry's {@code code}, like
 * every other error ({@link Problem}), located the ingest way: by {@code line} of the body and
 * {@code field} (the NDJSON member or CSV column name), with {@code errors} listing the first
 * refused rows. ({@link Problem}'s {@code column} is a character position in a report; a field
 * name is not, hence a type of its own.)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record IngestProblem(String type, String title, int status, String detail, String code,
                            @Nullable Long line, @Nullable String field, @Nullable List<RowError> errors) {

    static IngestProblem of(IngestException e) {
        return new IngestProblem(Problem.type(e.code), e.title, e.status.getCode(), e.getMessage(), e.code, e.line,
                e.field, e.errors == null || e.errors.isEmpty() ? null : e.errors);
    }
}
