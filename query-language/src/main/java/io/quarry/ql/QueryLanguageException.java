package io.quarry.ql;

import io.quarry.ql.ast.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The only exception the report parser throws for bad input, in either form.
 *
 * <p>{@link #getMessage()} reads like Trino's: {@code line 2:14: unexpected 'BY'; expected a
 * dimension}. For the JSON form the JSON pointer follows the position: {@code line 1:5:
 * /metrics/2: unexpected ')'; expected an expression}. For errors inside a JSON expression string,
 * line and column are positions inside that string; for other JSON errors, positions in the JSON
 * document.
 */
public final class QueryLanguageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String detail;
    private final int line;
    private final int column;
    private final String jsonPointer;
    private final String offendingToken;
    private final List<String> expected;
    private final String snippet;

    /**
     * @param code the stable error code
     * @param detail the message without the {@code line L:C: } prefix
     * @param location where the error is
     * @param offendingToken the token (as written) at the error, or {@code null}
     * @param expected what would have been accepted there, in human words; may be empty
     * @param snippet the source line with a caret under the error column, or empty
     */
    public QueryLanguageException(ErrorCode code, String detail, SourceLocation location,
                                  String offendingToken, List<String> expected, String snippet) {
        super(render(detail, location), null, false, true);
        this.code = Objects.requireNonNull(code, "code");
        this.detail = Objects.requireNonNull(detail, "detail");
        this.line = location.line();
        this.column = location.column();
        this.jsonPointer = location.jsonPointer();
        this.offendingToken = offendingToken;
        this.expected = List.copyOf(expected);
        this.snippet = Objects.requireNonNull(snippet, "snippet");
    }

    private static String render(String detail, SourceLocation location) {
        String pointer = location.jsonPointer() == null || location.jsonPointer().isEmpty()
                ? "" : location.jsonPointer() + ": ";
        return "line " + location.line() + ":" + location.column() + ": " + pointer + detail;
    }

    /** The stable error code. */
    public ErrorCode code() {
        return code;
    }

    /** The message without the position prefix. */
    public String detail() {
        return detail;
    }

    /** 1-based line of the error. */
    public int line() {
        return line;
    }

    /** 1-based column of the error, in Unicode code points. */
    public int column() {
        return column;
    }

    /** The JSON pointer of the offending JSON value; empty for the text form. */
    public Optional<String> jsonPointer() {
        return Optional.ofNullable(jsonPointer);
    }

    /** The offending token as written ("end of input" at the end); empty when not about a token. */
    public Optional<String> offendingToken() {
        return Optional.ofNullable(offendingToken);
    }

    /** What would have been accepted at the error position, in human words. */
    public List<String> expected() {
        return expected;
    }

    /** The source line with a caret under the error column. */
    public String snippet() {
        return snippet;
    }

    /** The error location as an AST location. */
    public SourceLocation location() {
        return new SourceLocation(line, column, jsonPointer);
    }
}
