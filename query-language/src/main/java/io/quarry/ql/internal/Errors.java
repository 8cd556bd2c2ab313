package io.quarry.ql.internal;

import io.quarry.ql.ErrorCode;
import io.quarry.ql.QueryLanguageException;
import io.quarry.ql.ast.SourceLocation;
import java.util.List;

/** Builds {@link QueryLanguageException}s with a caret snippet of the source. Internal. */
public final class Errors {

    private Errors() {
    }

    /** An error about a token. */
    public static QueryLanguageException at(ErrorCode code, String detail, SourceLocation location,
                                            String source, String offendingToken, List<String> expected) {
        return new QueryLanguageException(code, detail, location, offendingToken, expected,
                Snippets.caret(source, location.line(), location.column()));
    }

    /** An error not about a particular token. */
    public static QueryLanguageException at(ErrorCode code, String detail, SourceLocation location, String source) {
        return at(code, detail, location, source, null, List.of());
    }

    /** Quotes a token for a message, shortening long ones: {@code 'BY'}. */
    public static String quote(String text) {
        String shown = text;
        if (shown.codePointCount(0, shown.length()) > 30) {
            shown = shown.substring(0, shown.offsetByCodePoints(0, 27)) + "...";
        }
        return "'" + shown.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t").replace("\0", "\\0") + "'";
    }

    /** Joins alternatives in words: {@code a}, {@code a or b}, {@code a, b or c}. */
    public static String oneOf(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }
}
