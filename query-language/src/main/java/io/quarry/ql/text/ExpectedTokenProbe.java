package io.quarry.ql.text;

import io.quarry.ql.parser.QuarryReportLexer;
import io.quarry.ql.parser.QuarryReportParser;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Finds exactly which tokens the grammar accepts at an error position: for every token type, it
 * parses the tokens before the error followed by that token and checks whether the parser gets past
 * it. ANTLR's own expected set stops at rule boundaries (after {@code DIMENSIONS campaign.name} it
 * would not offer {@code ','} or {@code AS}); this probe does not. It runs only on the error path,
 * and only when the prefix is short enough to keep it cheap.
 */
final class ExpectedTokenProbe {

    /** Beyond this many tokens before the error, ANTLR's own expected set is used instead. */
    static final int MAX_PREFIX_TOKENS = 2_000;

    private static final List<Integer> CANDIDATES = candidates();

    private ExpectedTokenProbe() {
    }

    private static List<Integer> candidates() {
        List<Integer> types = new ArrayList<>();
        for (int type = 1; type <= QuarryReportLexer.VOCABULARY.getMaxTokenType(); type++) {
            if (type != QuarryReportLexer.UNRECOGNIZED && type != QuarryReportLexer.UNTERMINATED_STRING
                    && type != QuarryReportLexer.UNTERMINATED_QUOTED_IDENTIFIER
                    && type != QuarryReportLexer.UNTERMINATED_BLOCK_COMMENT && type != QuarryReportLexer.WS
                    && type != QuarryReportLexer.LINE_COMMENT && type != QuarryReportLexer.BLOCK_COMMENT) {
                types.add(type);
            }
        }
        types.add(Token.EOF);
        return List.copyOf(types);
    }

    /**
     * @return the accepted token types at {@code offending}, or {@code null} when the prefix is too
     *     long to probe or nothing is accepted
     */
    static IntervalSet probe(List<Token> tokens, Token offending,
                             Function<QuarryReportParser, ?> entry) {
        List<Token> prefix = new ArrayList<>();
        for (Token token : tokens) {
            if (token.getTokenIndex() >= offending.getTokenIndex()) {
                break;
            }
            if (token.getChannel() == Token.DEFAULT_CHANNEL) {
                prefix.add(token);
            }
        }
        if (prefix.size() > MAX_PREFIX_TOKENS) {
            return null;
        }
        IntervalSet accepted = new IntervalSet();
        for (int type : CANDIDATES) {
            if (accepts(prefix, type, entry)) {
                accepted.add(type);
            }
        }
        return accepted.isNil() ? null : accepted;
    }

    private static boolean accepts(List<Token> prefix, int type, Function<QuarryReportParser, ?> entry) {
        List<Token> probe = new ArrayList<>(prefix.size() + 2);
        for (Token token : prefix) {
            probe.add(copy(token, token.getType()));
        }
        probe.add(copy(null, type));
        if (type != Token.EOF) {
            probe.add(copy(null, Token.EOF));
        }
        CommonTokenStream stream = new CommonTokenStream(new ListTokenSource(probe));
        stream.fill();
        int candidateIndex = prefix.size();
        QuarryReportParser parser = new QuarryReportParser(stream);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            entry.apply(parser);
            return true;
        } catch (ParseCancellationException e) {
            if (e.getCause() instanceof RecognitionException recognition
                    && recognition.getOffendingToken() != null) {
                int index = recognition.getOffendingToken().getTokenIndex();
                return index > candidateIndex || index < 0;
            }
            return false;
        }
    }

    private static Token copy(Token original, int type) {
        CommonToken token = original == null ? new CommonToken(type, "x") : new CommonToken(original);
        token.setType(type);
        token.setChannel(Token.DEFAULT_CHANNEL);
        return token;
    }
}
