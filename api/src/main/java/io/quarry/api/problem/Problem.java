package io.quarry.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 9457 problem detail, with Quarry's members: the stable error code and, for report
 * errors, where in the report (line and column, or JSON pointer), the expected tokens and
 * suggestions. Never carries stack traces, SQL or internal names.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record Problem(String type, String title, int status, @Nullable String detail, @Nullable String code,
                      @Nullable Integer line, @Nullable Integer column, @Nullable String pointer,
                      @Nullable List<String> expected, @Nullable List<String> suggestions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem with only the standard members. */
    public static Problem of(String code, String title, int status, @Nullable String detail) {
        return new Problem(type(code), title, status, detail, code, null, null, null, null, null);
    }

    /** The type URI of an error code: {@code urn:quarry:problem:syntax-error}. */
    public static String type(String code) {
        return "urn:quarry:problem:" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
