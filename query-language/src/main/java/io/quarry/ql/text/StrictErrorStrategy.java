package io.quarry.ql.text;

import io.quarry.ql.ErrorCode;
import io.quarry.ql.QueryLanguageException;
import io.quarry.ql.internal.Errors;
import java.util.List;
import java.util.function.Function;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNConfig;
import org.antlr.v4.runtime.atn.Transition;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * The error strategy of the second (full LL) parse: the first error throws a
 * {@link QueryLanguageException}. It never recovers, so no token is ever silently inserted or
 * deleted.
 */
final class StrictErrorStrategy extends DefaultErrorStrategy {

    private final String source;
    private final Locations locations;
    private final Function<Token, IntervalSet> probe;

    /**
     * @param probe computes the exact set of tokens accepted at an error token, or {@code null}
     *     to fall back to ANTLR's expected set
     */
    StrictErrorStrategy(String source, Locations locations, Function<Token, IntervalSet> probe) {
        this.source = source;
        this.locations = locations;
        this.probe = probe;
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        Token offending = e.getOffendingToken() != null ? e.getOffendingToken() : recognizer.getCurrentToken();
        ParserRuleContext context = e.getCtx() instanceof ParserRuleContext rule ? rule : recognizer.getContext();
        throw error(recognizer, offending, expectedAt(recognizer, e, offending), context);
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        throw error(recognizer, recognizer.getCurrentToken(), recognizer.getExpectedTokens(), recognizer.getContext());
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        reportError(recognizer, new InputMismatchException(recognizer));
        throw new IllegalStateException("unreachable");
    }

    @Override
    protected void reportUnwantedToken(Parser recognizer) {
        throw error(recognizer, recognizer.getCurrentToken(), recognizer.getExpectedTokens(), recognizer.getContext());
    }

    @Override
    protected void reportMissingToken(Parser recognizer) {
        throw error(recognizer, recognizer.getCurrentToken(), recognizer.getExpectedTokens(), recognizer.getContext());
    }

    /**
     * The tokens that could have stood at the offending token. For a failed multi-token prediction,
     * the ATN configurations alive just before the failure say it better than the decision's start.
     */
    private static IntervalSet expectedAt(Parser recognizer, RecognitionException e, Token offending) {
        if (e instanceof NoViableAltException noViable
                && noViable.getStartToken() != null
                && noViable.getStartToken().getTokenIndex() < offending.getTokenIndex()
                && noViable.getDeadEndConfigs() != null) {
            IntervalSet tokens = new IntervalSet();
            for (ATNConfig config : noViable.getDeadEndConfigs()) {
                for (Transition transition : config.state.getTransitions()) {
                    if (!transition.isEpsilon() && transition.label() != null) {
                        tokens.addAll(transition.label());
                    }
                }
            }
            if (!tokens.isNil()) {
                return tokens;
            }
        }
        IntervalSet expected = e.getExpectedTokens();
        return expected != null ? expected : recognizer.getExpectedTokens();
    }

    private QueryLanguageException error(Parser recognizer, Token offending, IntervalSet antlrExpected,
                                         ParserRuleContext context) {
        IntervalSet probed = probe.apply(offending);
        IntervalSet expected = probed != null ? probed : antlrExpected;
        List<String> words = ExpectedTokens.describe(expected, context, offending);
        String shown = offending.getType() == Token.EOF ? "end of input" : Errors.quote(offending.getText());
        String hint = ClauseOrder.hint(offending, recognizer.getInputStream()).map(h -> "; " + h).orElse("");
        String detail = "unexpected " + shown + hint + (words.isEmpty() ? "" : "; expected " + Errors.oneOf(words));
        String token = offending.getType() == Token.EOF ? "end of input" : offending.getText();
        return Errors.at(ErrorCode.SYNTAX_ERROR, detail, locations.of(offending), source, token, words);
    }
}
