package io.quarry.ql.text;

import io.quarry.ql.ast.FieldRef;
import io.quarry.ql.ast.SourceLocation;
import io.quarry.ql.internal.Keywords;
import io.quarry.ql.internal.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * A fast path for the most common JSON expression string, a plain dotted name such as
 * {@code campaign.name}: it builds the same {@link FieldRef} the grammar would, without running
 * ANTLR. Anything else (spaces, quotes, a reserved first word, operators) takes the grammar path,
 * so the results and errors are exactly the grammar's.
 */
final class PlainNames {

    private static final int MAX_LENGTH = 256;

    private PlainNames() {
    }

    /** The field the text names, or {@code null} when it is not a plain dotted name. */
    static FieldRef fieldRef(String text, Locations locations) {
        int length = text.length();
        if (length == 0 || length > MAX_LENGTH) {
            return null;
        }
        List<String> parts = new ArrayList<>(3);
        int start = 0;
        for (int i = 0; i <= length; i++) {
            char c = i < length ? text.charAt(i) : '.';
            if (c == '.') {
                if (i == start) {
                    return null;
                }
                parts.add(Vocabulary.fold(text.substring(start, i)));
                start = i + 1;
            } else if (!(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > start && c >= '0' && c <= '9')) {
                return null;
            }
        }
        if (Keywords.RESERVED.contains(parts.get(0))) {
            return null;
        }
        return new FieldRef(parts, new SourceLocation(1, 1, locations.jsonPointer()));
    }
}
