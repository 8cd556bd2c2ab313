package io.quarry.ql.text;

import io.quarry.ql.ast.SourceLocation;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Turns tokens into {@link SourceLocation}s.
 *
 * @param jsonPointer the JSON value the text came from, or {@code null} for report text
 */
record Locations(String jsonPointer) {

    SourceLocation of(Token token) {
        return new SourceLocation(token.getLine(), token.getCharPositionInLine() + 1, jsonPointer);
    }

    SourceLocation of(ParserRuleContext context) {
        return of(context.getStart());
    }
}
