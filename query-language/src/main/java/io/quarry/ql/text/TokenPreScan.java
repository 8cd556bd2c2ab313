package io.quarry.ql.text;

import io.quarry.ql.ErrorCode;
import io.quarry.ql.QueryLanguageException;
import io.quarry.ql.ast.SourceLocation;
import io.quarry.ql.internal.Errors;
import io.quarry.ql.parser.QuarryReportLexer;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Checks the token list before the parser runs: lexical errors (unrecognized characters,
 * unterminated strings, identifiers and comments) and nesting depth.
 *
 * <p>ANTLR parses by recursive descent, and the AST builder, formatter and record
 * {@code equals} recurse over the tree, so depth must be bounded before any of them runs. The
 * estimate is an upper bound of the tree depth: every {@code (} and {@code CASE} opens a level;
 * inside a level every operator token ({@code NOT}, unary or binary arithmetic, comparisons and
 * predicates) adds one, and {@code AND}, {@code OR}, {@code ,}, {@code WHEN}, {@code THEN},
 * {@code ELSE} start a new segment (those are parsed as flat lists). The depth at a token is the sum
 * over the open levels of one plus the operators in the level's current segment.
 */
final class TokenPreScan {

    private TokenPreScan() {
    }

    static void check(List<Token> tokens, int maxDepth, String source, Locations locations) {
        int[] base = new int[maxDepth + 2];
        int[] operators = new int[maxDepth + 2];
        int level = 0;
        for (Token token : tokens) {
            switch (token.getType()) {
                case QuarryReportLexer.UNRECOGNIZED -> throw lexical(ErrorCode.UNEXPECTED_CHARACTER,
                        "unexpected character " + describeCharacter(token.getText()), token, source, locations);
                case QuarryReportLexer.UNTERMINATED_STRING -> throw lexical(ErrorCode.UNTERMINATED_STRING,
                        "unterminated string literal", token, source, locations);
                case QuarryReportLexer.UNTERMINATED_QUOTED_IDENTIFIER -> throw lexical(
                        ErrorCode.UNTERMINATED_QUOTED_IDENTIFIER, "unterminated quoted identifier", token, source,
                        locations);
                case QuarryReportLexer.UNTERMINATED_BLOCK_COMMENT -> throw lexical(ErrorCode.UNTERMINATED_COMMENT,
                        "unterminated comment", token, source, locations);
                case QuarryReportLexer.STRING -> rejectNul(token, "a string", source, locations);
                case QuarryReportLexer.QUOTED_IDENTIFIER -> rejectNul(token, "a quoted name", source, locations);
                case QuarryReportLexer.LPAREN, QuarryReportLexer.CASE -> {
                    int depth = base[level] + 1 + operators[level];
                    level++;
                    base[level] = depth;
                    operators[level] = 0;
                }
                case QuarryReportLexer.RPAREN, QuarryReportLexer.END -> level = Math.max(0, level - 1);
                case QuarryReportLexer.AND, QuarryReportLexer.OR, QuarryReportLexer.COMMA, QuarryReportLexer.WHEN,
                        QuarryReportLexer.THEN, QuarryReportLexer.ELSE -> operators[level] = 0;
                case QuarryReportLexer.NOT, QuarryReportLexer.PLUS, QuarryReportLexer.MINUS,
                        QuarryReportLexer.ASTERISK, QuarryReportLexer.SLASH, QuarryReportLexer.PERCENT,
                        QuarryReportLexer.EQ, QuarryReportLexer.NEQ, QuarryReportLexer.LT, QuarryReportLexer.LTE,
                        QuarryReportLexer.GT, QuarryReportLexer.GTE, QuarryReportLexer.IS, QuarryReportLexer.IN,
                        QuarryReportLexer.BETWEEN, QuarryReportLexer.LIKE, QuarryReportLexer.ILIKE,
                        QuarryReportLexer.DURING -> operators[level]++;
                default -> {
                    // other tokens do not nest
                }
            }
            if (base[level] + 1 + operators[level] > maxDepth) {
                throw Errors.at(ErrorCode.NESTING_TOO_DEEP,
                        "expression is nested too deeply (the limit is " + maxDepth + " levels)",
                        locations.of(token), source, tokenText(token), List.of());
            }
        }
    }

    /**
     * PostgreSQL text cannot hold NUL (U+0000), so a string or quoted name with one is refused
     * here, pointing at the character itself.
     */
    private static void rejectNul(Token token, String what, String source, Locations locations) {
        String text = token.getText();
        int nul = text.indexOf('\0');
        if (nul < 0) {
            return;
        }
        int lineStart = text.lastIndexOf('\n', nul) + 1;
        int line = token.getLine() + (int) text.substring(0, nul).chars().filter(c -> c == '\n').count();
        int column = text.codePointCount(lineStart, nul) + 1 + (lineStart == 0 ? token.getCharPositionInLine() : 0);
        throw Errors.at(ErrorCode.NUL_CHARACTER, what + " must not contain the NUL character (U+0000)",
                new SourceLocation(line, column, locations.jsonPointer()), source, null, List.of());
    }

    private static QueryLanguageException lexical(
            ErrorCode code, String detail, Token token, String source, Locations locations) {
        return Errors.at(code, detail, locations.of(token), source, tokenText(token), List.of());
    }

    private static String tokenText(Token token) {
        return token.getType() == Token.EOF ? "end of input" : token.getText();
    }

    private static String describeCharacter(String text) {
        int codePoint = text.codePointAt(0);
        if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                || Character.getType(codePoint) == Character.FORMAT
                || Character.getType(codePoint) == Character.UNASSIGNED
                || Character.getType(codePoint) == Character.SURROGATE) {
            return String.format("U+%04X", codePoint);
        }
        return "'" + text + "'";
    }
}
