package io.quarry.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.quarry.planner.resolve.PlanningException;
import io.quarry.ql.QueryLanguageException;
import io.quarry.ql.ast.SourceLocation;
import java.util.List;
import java.util.Locale;

/**
 * An RFC 9457 problem detail, with Quarry's members: the stable error code and, for report
 * errors, where in the report (line and column, or JSON pointer), the expected tokens and
 * suggestions. Never carries stack traces, SQL or internal names.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record Problem(String type, String title, int status, @Nullable String detail, @Nullable String code,
                      @Nullable Integer line, @Nullable Integer column, @Nullable String pointer,
                      @Nullable List<String> expected, @Nullable List<String> suggestions,
                      @Nullable List<Located> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The OpenAPI document's shared error answers (src/main/openapi), for {@code @ApiResponse(ref = ...)}. */
    public static final String UNAUTHORIZED = "#/components/responses/Unauthorized";
    public static final String FORBIDDEN = "#/components/responses/Forbidden";
    public static final String BODY_TOO_LARGE = "#/components/responses/BodyTooLarge";
    public static final String NOT_ACCEPTABLE = "#/components/responses/NotAcceptable";
    public static final String UNSUPPORTED_MEDIA_TYPE = "#/components/responses/UnsupportedMediaType";
    public static final String TOO_MANY_REPORTS = "#/components/responses/TooManyReports";
    public static final String DATABASE_UNAVAILABLE = "#/components/responses/DatabaseUnavailable";
    public static final String STATEMENT_TIMEOUT = "#/components/responses/StatementTimeout";
    public static final String SERVER_ERROR = "#/components/responses/ServerError";

    /** A problem with only the standard members. */
    public static Problem of(String code, String title, int status, @Nullable String detail) {
        return new Problem(type(code), title, status, detail, code, null, null, null, null, null, null);
    }

    /** A problem whose members are those of one located report error. */
    public static Problem of(String title, int status, Located error) {
        return new Problem(type(error.code()), title, status, error.detail(), error.code(), error.line(),
                error.column(), error.pointer(), error.expected(), error.suggestions(), null);
    }

    /** A problem listing several located errors (such as those of a saved report's definition). */
    public static Problem of(String code, String title, int status, String detail, List<Located> errors) {
        return new Problem(type(code), title, status, detail, code, null, null, null, null, null, errors);
    }

    /**
     * One error located in a report: line and column in the text form, or a JSON pointer in the
     * JSON form; the tokens the parser expected, or names the planner suggests.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Located(String code, String detail, @Nullable Integer line, @Nullable Integer column,
                          @Nullable String pointer, @Nullable List<String> expected,
                          @Nullable List<String> suggestions) {

        public static Located of(QueryLanguageException e) {
            return new Located(e.code().name(), e.getMessage(), e.line(), e.column(), e.jsonPointer().orElse(null),
                    e.expected(), null);
        }

        public static Located of(PlanningException e) {
            SourceLocation location = e.location();
            boolean located = location.line() > 0;
            return new Located(e.code().name(), e.getMessage(), located ? location.line() : null,
                    located ? location.column() : null, location.jsonPointer(), null,
                    e.suggestions().isEmpty() ? null : e.suggestions());
        }

        /**
         * The same error within a request: its JSON pointer put under {@code prefix}, where the
         * report (or expression) sits in the request; an error in text form points at the text.
         */
        public Located under(String prefix) {
            return new Located(code, detail, line, column, pointer == null ? prefix : prefix + pointer, expected,
                    suggestions);
        }
    }

    /** The type URI of an error code: {@code urn:quarry:problem:syntax-error}. */
    public static String type(String code) {
        return "urn:quarry:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
