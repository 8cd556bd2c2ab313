package io.quarry.api.saved;

import io.micronaut.http.HttpStatus;
import io.quarry.api.problem.Problem;
import java.util.List;

/** A saved report's ETag is its version number, quoted: {@code "3"}. If-Match names one version. */
final class ETags {

    private ETags() {
    }

    static String of(int version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names; null without the header. */
    static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Integer.valueOf(tag);
        } catch (NumberFormatException e) {
            String detail = "If-Match must be one ETag of this report, such as \"3\", not " + ifMatch;
            throw new SavedReportException(HttpStatus.BAD_REQUEST, "INVALID_IF_MATCH", "Invalid If-Match", detail,
                    List.of());
        }
    }
}
