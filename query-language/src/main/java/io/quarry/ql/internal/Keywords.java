package io.quarry.ql.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The reserved words of the grammar and the shape of a bare name. Internal. */
public final class Keywords {

    /** Words that cannot be a bare name at the start of a dotted name (kept equal to the grammar). */
    public static final Set<String> RESERVED = Set.of(
            "accounts", "and", "as", "between", "case", "compare", "dimensions", "distinct", "during", "else",
            "end", "false", "from", "having", "ilike", "in", "is", "like", "limit", "metrics", "not", "null",
            "offset", "or", "order", "parameters", "pivot", "then", "timezone", "totals", "true", "when", "where");

    private static final Pattern BARE = Pattern.compile("[a-z_][a-z0-9_]*");

    private Keywords() {
    }

    /** Whether {@code name} can be written without double quotes where reserved words are not allowed. */
    public static boolean isBare(String name) {
        return BARE.matcher(name).matches() && !RESERVED.contains(name.toLowerCase(Locale.ROOT));
    }
}
