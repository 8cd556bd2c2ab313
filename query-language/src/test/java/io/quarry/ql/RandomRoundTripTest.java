package io.quarry.ql;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.Report;
import org.junit.jupiter.api.Test;

/**
 * Property: for randomly generated ASTs, format then parse gives an equal AST, in the text form and
 * in the JSON form. Seeded, so a failure names the seed that reproduces it.
 */
class RandomRoundTripTest {

    private static final int REPORTS = 1_500;
    private static final int EXPRESSIONS = 5_000;

    @Test
    void randomReportsRoundTripInBothForms() {
        for (long seed = 1; seed <= REPORTS; seed++) {
            Report report = new RandomReports(seed).report();
            try {
                RoundTrip.check(report);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ":\n" + RoundTrip.FORMATTER.toText(report), e);
            }
        }
    }

    @Test
    void randomExpressionsRoundTrip() {
        for (long seed = 1; seed <= EXPRESSIONS; seed++) {
            Expression expression = new RandomReports(seed * 7919).expression(5);
            String text = RoundTrip.FORMATTER.toText(expression);
            try {
                assertThat(RoundTrip.PARSER.parseExpression(text)).isEqualTo(expression);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ": " + text, e);
            }
        }
    }
}
