package io.quarry.planner.safety;

import java.util.Locale;

/**
 * Identifier normalisation: quotes removed, lower case. The check compares table and alias
 * names case-insensitively, so {@code "ADS"}, {@code ADS} and {@code ads} are the same name.
 */
final class ParsedNames {

    private ParsedNames() {
    }

    static String normalize(String identifier) {
        if (identifier == null) {
            return null;
        }
        String s = identifier.trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /** The last part of a possibly schema-qualified name: {@code public.ads} gives {@code ads}. */
    static String lastPart(String qualifiedName) {
        if (qualifiedName == null) {
            return null;
        }
        return normalize(qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1));
    }

    static boolean isQuoted(String identifier) {
        return identifier != null && identifier.trim().startsWith("\"");
    }
}
