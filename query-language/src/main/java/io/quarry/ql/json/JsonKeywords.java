package io.quarry.ql.json;

import io.quarry.ql.ErrorCode;
import io.quarry.ql.internal.Errors;
import java.util.List;

/**
 * Reads keyword strings of a JSON report (sort direction, null ordering, parameter type, comparison
 * period) into their enum constants, case-insensitively.
 */
final class JsonKeywords {

    private JsonKeywords() {
    }

    /** The constant of {@code type} named by the string at the current token. */
    static <E extends Enum<E>> E keyword(JsonCursor cursor, Class<E> type, String what) {
        return keyword(cursor, List.of(type.getEnumConstants()), what);
    }

    /** The constant among {@code allowed} named by the string at the current token. */
    static <E extends Enum<E>> E keyword(JsonCursor cursor, List<E> allowed, String what) {
        String value = cursor.string("a " + what + " string");
        List<String> names = allowed.stream().map(Enum::name).toList();
        for (E constant : allowed) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        ErrorCode code = what.equals("comparison period") ? ErrorCode.UNKNOWN_COMPARE_PERIOD
                : what.equals("parameter type") ? ErrorCode.UNKNOWN_PARAMETER_TYPE : ErrorCode.JSON_INVALID_VALUE;
        throw cursor.error(code, "unknown " + what + " " + Errors.quote(value) + "; expected " + Errors.oneOf(names),
                names);
    }
}
