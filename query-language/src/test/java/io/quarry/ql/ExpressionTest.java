package io.quarry.ql;

import static io.quarry.ql.Ast.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.ql.ast.*;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;

/** Expressions: a table of (input, canonical text), each round-tripped, plus AST checks for precedence. */
class ExpressionTest {

    static Stream<Arguments> canonical() {
        return Stream.of(
                Arguments.of("a+b*c", "a + b * c"),
                Arguments.of("(a+b)*c", "(a + b) * c"),
                Arguments.of("a-(b-c)", "a - (b - c)"),
                Arguments.of("(a-b)-c", "a - b - c"),
                Arguments.of("a - -b", "a - (-b)"),
                Arguments.of("- - a", "-(-a)"),
                Arguments.of("+a", "a"),
                Arguments.of("-a * b", "-a * b"),
                Arguments.of("-(a * b)", "-(a * b)"),
                Arguments.of("a % 3 = 1", "a % 3 = 1"),
                Arguments.of("a != b", "a <> b"),
                Arguments.of("a<>b", "a <> b"),
                Arguments.of("a <= 1 and b >= 2 or c < 3 and d > 4", "a <= 1 AND b >= 2 OR c < 3 AND d > 4"),
                Arguments.of("(a or b) and c", "(a OR b) AND c"),
                Arguments.of("a and (b and c)", "a AND (b AND c)"),
                Arguments.of("not a = 1", "NOT a = 1"),
                Arguments.of("not (a or b)", "NOT (a OR b)"),
                Arguments.of("not not a", "NOT NOT a"),
                Arguments.of("(a = 1) = true", "(a = 1) = TRUE"),
                Arguments.of("x not in (1, 2)", "x NOT IN (1, 2)"),
                Arguments.of("x in ('a')", "x IN ('a')"),
                Arguments.of("x not between 1 and 2", "x NOT BETWEEN 1 AND 2"),
                Arguments.of("x between -1 and a + 1", "x BETWEEN -1 AND a + 1"),
                Arguments.of("x like 'a%'", "x LIKE 'a%'"),
                Arguments.of("x not ilike 'A%'", "x NOT ILIKE 'A%'"),
                Arguments.of("x is null", "x IS NULL"),
                Arguments.of("x is not null", "x IS NOT NULL"),
                Arguments.of("date during yesterday", "date DURING YESTERDAY"),
                Arguments.of("date = date '2026-02-28'", "date = DATE '2026-02-28'"),
                Arguments.of("'it''s'", "'it''s'"),
                Arguments.of("1.", "1.0"),
                Arguments.of(".50", "0.50"),
                Arguments.of("9223372036854775807", "9223372036854775807"),
                Arguments.of("count(*)", "count(*)"),
                Arguments.of("COUNT(distinct ad.id)", "count(DISTINCT ad.id)"),
                Arguments.of("coalesce(a, b, 0)", "coalesce(a, b, 0)"),
                Arguments.of("case when a > 1 then 'x' when a > 0 then 'y' else null end",
                        "CASE WHEN a > 1 THEN 'x' WHEN a > 0 THEN 'y' ELSE NULL END"),
                Arguments.of("sum(case when x then spend end)", "sum(CASE WHEN x THEN spend END)"),
                Arguments.of(":From", ":from"),
                Arguments.of("true and false", "TRUE AND FALSE"),
                Arguments.of("\"select\"", "select"),
                Arguments.of("\"where\"", "\"where\""),
                Arguments.of("\"A\".b", "\"A\".b"),
                Arguments.of("x.\"from\"", "x.\"from\""),
                Arguments.of("\"\"\"\"", "\"\"\"\""),
                Arguments.of("a/*c*/-- d\n+b", "a + b"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("canonical")
    void formatsCanonically(String input, String expected) {
        Expression expression = RoundTrip.expression(input);
        assertThat(RoundTrip.FORMATTER.toText(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"campaign.name", "Date.Week", "x.from", "_a1.b_2.c",
        "date", "desc", "event.null", "a.b.c.d.e"})
    void plainNameFastPathEqualsTheGrammar(String name) {
        // Parentheses force the grammar path; the location differs, the meaning must not.
        assertThat(RoundTrip.PARSER.parseExpression(name)).isEqualTo(RoundTrip.PARSER.parseExpression("(" + name + ")"))
                .isInstanceOf(FieldRef.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"from", "null", "a..b", "a.", ".a", "1a", "a.1", "a b"})
    void thingsThatAreNotPlainNamesTakeTheGrammarPath(String text) {
        Expression viaGrammar;
        try {
            viaGrammar = RoundTrip.PARSER.parseExpression(text);
        } catch (QueryLanguageException e) {
            assertThat(e.code()).isIn(ErrorCode.SYNTAX_ERROR);
            return;
        }
        assertThat(viaGrammar).isNotInstanceOf(FieldRef.class);
    }

    @Test
    void multiplicationBindsTighterThanAddition() {
        assertThat(RoundTrip.expression("a + b * c")).isEqualTo(arithmetic(ArithmeticOperator.ADD, field("a"),
                arithmetic(ArithmeticOperator.MULTIPLY, field("b"), field("c"))));
    }

    @Test
    void arithmeticIsLeftAssociative() {
        assertThat(RoundTrip.expression("a - b - c")).isEqualTo(arithmetic(ArithmeticOperator.SUBTRACT,
                arithmetic(ArithmeticOperator.SUBTRACT, field("a"), field("b")), field("c")));
    }

    @Test
    void andChainsAreOneNodeAndBindTighterThanOr() {
        Expression a = compare(ComparisonOperator.EQUAL, field("a"), integer(1));
        assertThat(RoundTrip.expression("a = 1 AND b AND c OR d"))
                .isEqualTo(or(and(a, field("b"), field("c")), field("d")));
    }

    @Test
    void parenthesizedChainStaysNested() {
        assertThat(RoundTrip.expression("a AND (b AND c)"))
                .isEqualTo(and(field("a"), and(field("b"), field("c"))))
                .isNotEqualTo(and(field("a"), field("b"), field("c")));
    }

    @Test
    void notAppliesToTheWholePredicate() {
        assertThat(RoundTrip.expression("NOT a BETWEEN 1 AND 2")).isEqualTo(
                new Not(new Between(field("a"), integer(1), integer(2), false, AT), AT));
    }

    @Test
    void unaryMinusIsANode() {
        assertThat(RoundTrip.expression("-5")).isEqualTo(new Negative(integer(5), AT));
    }

    @Test
    void decimalsKeepTheirScale() {
        assertThat(RoundTrip.expression("1.50")).isEqualTo(decimal("1.50")).isNotEqualTo(decimal("1.5"));
    }

    @Test
    void caseExpression() {
        assertThat(RoundTrip.expression("CASE WHEN a THEN 1 END")).isEqualTo(
                new Case(List.of(new WhenClause(field("a"), integer(1), AT)), Optional.empty(), AT));
    }

    @Test
    void stringsMayHoldAnyUnicodeAndNewlines() {
        assertThat(RoundTrip.expression("'héllo\n\t🙂 \"x\"'")).isEqualTo(string("héllo\n\t🙂 \"x\""));
    }
}
