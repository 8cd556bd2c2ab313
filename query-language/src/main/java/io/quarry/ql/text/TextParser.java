package io.quarry.ql.text;

import io.quarry.ql.ErrorCode;
import io.quarry.ql.ParserLimits;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.FieldRef;
import io.quarry.ql.ast.Report;
import io.quarry.ql.ast.SourceLocation;
import io.quarry.ql.internal.Errors;
import io.quarry.ql.parser.QuarryReportLexer;
import io.quarry.ql.parser.QuarryReportParser;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Drives ANTLR the way Trino does: a fast SLL parse that bails out on the first problem, then, only
 * if that failed, a full LL parse whose first error becomes a {@code QueryLanguageException}.
 * Stateless and thread-safe.
 */
public final class TextParser {

    private static final BailErrorStrategy BAIL = new BailErrorStrategy();

    /**
     * A lexer and a parser per thread, reset for every parse: creating them costs about as much as
     * parsing a short JSON expression string. A parse never starts another parse on the same thread
     * before it ends, so reuse is safe; the shared DFA cache is ANTLR's own, static and thread-safe.
     */
    private static final ThreadLocal<Recognizers> RECOGNIZERS = ThreadLocal.withInitial(Recognizers::new);

    private static final class Recognizers {
        final CharStream empty = CharStreams.fromString("");
        final QuarryReportLexer lexer = new QuarryReportLexer(empty);
        final QuarryReportParser parser = new QuarryReportParser(new CommonTokenStream(lexer));

        Recognizers() {
            lexer.removeErrorListeners();
            parser.removeErrorListeners();
        }
    }

    private final ParserLimits limits;

    public TextParser(ParserLimits limits) {
        this.limits = limits;
    }

    /** Parses a whole report. */
    public Report report(String text) {
        Locations locations = new Locations(null);
        var tree = parse(text, locations, "report text", QuarryReportParser::report);
        return new ReportBuilder(text, locations).report(tree);
    }

    /**
     * Parses one expression.
     *
     * @param jsonPointer the JSON value the text came from, or {@code null}
     */
    public Expression expression(String text, String jsonPointer) {
        Locations locations = new Locations(jsonPointer);
        FieldRef plain = PlainNames.fieldRef(text, locations);
        if (plain != null) {
            return plain;
        }
        var tree = parse(text, locations, "expression", QuarryReportParser::standaloneExpression);
        return new ExpressionBuilder(text, locations).visit(tree);
    }

    private <T extends ParserRuleContext> T parse(
            String text, Locations locations, String what, Function<QuarryReportParser, T> entry) {
        if (text.length() > limits.maxTextLength()) {
            throw Errors.at(ErrorCode.INPUT_TOO_LONG, what + " is " + text.length()
                    + " characters long; the limit is " + limits.maxTextLength(),
                    new SourceLocation(1, 1, locations.jsonPointer()), text);
        }
        Recognizers recognizers = RECOGNIZERS.get();
        QuarryReportLexer lexer = recognizers.lexer;
        lexer.setInputStream(CharStreams.fromString(text));
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        TokenPreScan.check(tokens.getTokens(), limits.maxNestingDepth(), text, locations);

        QuarryReportParser parser = recognizers.parser;
        parser.setTokenStream(tokens);
        parser.setErrorHandler(BAIL);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return entry.apply(parser);
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.setErrorHandler(new StrictErrorStrategy(text, locations,
                    offending -> ExpectedTokenProbe.probe(tokens.getTokens(), offending, entry)));
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            return entry.apply(parser);
        } finally {
            // Keep no reference to this input between parses.
            parser.setTokenStream(null);
            lexer.setInputStream(recognizers.empty);
        }
    }
}
