package io.quarry.ql.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a node came from.
 *
 * <p>For the text form, {@code line} and {@code column} (both 1-based, column counted in Unicode
 * code points) locate the node's first token and {@code jsonPointer} is {@code null}. For the
 * JSON form, {@code jsonPointer} (RFC 6901) names the JSON value the node came from; when the node
 * was parsed from an expression string, {@code line}/{@code column} are positions inside that
 * string, otherwise they are the position of the JSON value in the document.
 *
 * <p><b>Equality deliberately ignores locations</b>: {@link #equals} is {@code true} for any two
 * locations and {@link #hashCode} is constant. Every AST record has a location component, so
 * record equality compares meaning only. Compare locations explicitly with {@link #sameAs}.
 */
public record SourceLocation(int line, int column, String jsonPointer) {

    /** A location for nodes built in code rather than parsed. */
    public static final SourceLocation UNKNOWN = new SourceLocation(0, 0, null);

    /** A location in report text. */
    public static SourceLocation text(int line, int column) {
        return new SourceLocation(line, column, null);
    }

    /** A location in a JSON document. */
    public static SourceLocation json(String jsonPointer, int line, int column) {
        return new SourceLocation(line, column, jsonPointer);
    }

    /** The JSON pointer, if this location is in the JSON form. */
    public Optional<String> pointer() {
        return Optional.ofNullable(jsonPointer);
    }

    /** Field-by-field comparison, for tests of locations themselves. */
    public boolean sameAs(SourceLocation other) {
        return other != null
                && line == other.line
                && column == other.column
                && Objects.equals(jsonPointer, other.jsonPointer);
    }

    /** Always {@code true} for another location: AST equality ignores where nodes came from. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SourceLocation;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        String position = line + ":" + column;
        return jsonPointer == null ? position : jsonPointer + "@" + position;
    }
}
