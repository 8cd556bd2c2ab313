package io.quarry.planner.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * JSqlParser's fallback grammar backtracks exponentially in directly nested parentheses: the
 * check gives it a time budget and calls a statement it cannot finish {@code TOO_COMPLEX}.
 */
class StatementBudgetTest {

    /** {@code SELECT ((((x + x) + x) ...) + x) AS y FROM t}, {@code depth} parentheses deep. */
    private static String nested(int depth) {
        String expression = "x";
        for (int i = 0; i < depth; i++) {
            expression = "(" + expression + " + x)";
        }
        return "SELECT " + expression + " AS y FROM t";
    }

    @Test
    void sixteenNestedParenthesesParseWithTheSimpleGrammar() {
        assertThat(StatementParser.parse(nested(16)).failure()).isNull();
    }

    @Test
    @Timeout(30)
    void twentyNestedParenthesesAreTooComplexWithinTheBudget() {
        SafetyViolation failure = StatementParser.parse(nested(20)).failure();
        assertThat(failure).isNotNull();
        assertThat(failure.code()).isEqualTo(ViolationCode.TOO_COMPLEX);
    }

    @Test
    void aComparisonAsACaseResultStillGetsTheComplexGrammar() {
        assertThat(StatementParser.parse("SELECT CASE WHEN y THEN a.x = 1 ELSE true END AS z FROM t a").failure())
                .isNull();
    }

    @Test
    void aStatementNeitherGrammarParsesIsUnparseable() {
        assertThat(StatementParser.parse("SELECT FROM WHERE").failure().code()).isEqualTo(ViolationCode.UNPARSEABLE);
    }
}
