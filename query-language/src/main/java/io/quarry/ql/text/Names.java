package io.quarry.ql.text;

import io.quarry.ql.ErrorCode;
import io.quarry.ql.internal.Errors;
import io.quarry.ql.internal.Vocabulary;
import io.quarry.ql.parser.QuarryReportParser.AnyNameContext;
import io.quarry.ql.parser.QuarryReportParser.IdentifierContext;
import io.quarry.ql.parser.QuarryReportParser.PathPartContext;
import io.quarry.ql.parser.QuarryReportParser.QuotedIdentifierContext;
import java.util.List;

/** Reads names: unquoted ones are folded to lower case, quoted ones unescaped and kept as written. */
record Names(String source, Locations locations) {

    String of(IdentifierContext context) {
        if (context instanceof QuotedIdentifierContext quoted) {
            String text = quoted.getStart().getText();
            String name = text.substring(1, text.length() - 1).replace("\"\"", "\"");
            if (name.isEmpty()) {
                throw Errors.at(ErrorCode.INVALID_IDENTIFIER, "a quoted identifier must not be empty",
                        locations.of(context), source, text, List.of());
            }
            return name;
        }
        // Every identifier alternative is exactly one token.
        return Vocabulary.fold(context.getStart().getText());
    }

    String of(PathPartContext context) {
        return context.identifier() != null ? of(context.identifier()) : Vocabulary.fold(context.getStart().getText());
    }

    String of(AnyNameContext context) {
        return context.identifier() != null ? of(context.identifier()) : Vocabulary.fold(context.getStart().getText());
    }
}
