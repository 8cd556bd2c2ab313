package io.quarry.ql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quarry.ql.ast.Report;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Pathological inputs end in the documented error code, never in another exception or a stack overflow. */
class RobustnessTest {

    private static final int MB = 1 << 20;

    static Stream<Arguments> textInputs() {
        return Stream.of(
                Arguments.of("10,000 nested parentheses", "METRICS " + "(".repeat(10_000) + "x" + ")".repeat(10_000),
                        ErrorCode.NESTING_TOO_DEEP),
                Arguments.of("10,000 unclosed parentheses", "METRICS " + "(".repeat(10_000), ErrorCode.NESTING_TOO_DEEP),
                Arguments.of("10,000 NOTs", "METRICS x WHERE " + "NOT ".repeat(10_000) + "x", ErrorCode.NESTING_TOO_DEEP),
                Arguments.of("10,000 minus signs", "METRICS " + "- ".repeat(10_000) + "x", ErrorCode.NESTING_TOO_DEEP),
                Arguments.of("10,000 nested CASEs", "METRICS " + "CASE WHEN a THEN ".repeat(10_000) + "1"
                        + " END".repeat(10_000), ErrorCode.NESTING_TOO_DEEP),
                Arguments.of("a 50,000-term sum", "METRICS x" + " + x".repeat(50_000), ErrorCode.NESTING_TOO_DEEP),
                Arguments.of("1 MB string literal", "METRICS '" + "a".repeat(MB) + "'", ErrorCode.INPUT_TOO_LONG),
                Arguments.of("1 MB of text", "METRICS x" + " ".repeat(MB), ErrorCode.INPUT_TOO_LONG),
                Arguments.of("lone surrogate", "METRICS \uD800", ErrorCode.UNEXPECTED_CHARACTER),
                Arguments.of("NUL byte", "METRICS x\u0000", ErrorCode.UNEXPECTED_CHARACTER),
                Arguments.of("non-breaking space", "METRICS\u00A0x", ErrorCode.UNEXPECTED_CHARACTER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textInputs")
    void textInputFailsCleanly(String name, String input, ErrorCode code) {
        QueryLanguageException error = catchThrowableOfType(QueryLanguageException.class,
                () -> RoundTrip.PARSER.parseText(input));
        assertThat(error).as(name).isNotNull();
        assertThat(error.code()).isEqualTo(code);
    }

    @Test
    void nestingUpToTheLimitParses() {
        String nested = "(".repeat(99) + "x" + ")".repeat(99);
        Report report = RoundTrip.text("METRICS " + nested);
        assertThat(report.metrics()).hasSize(1);
        assertThat(catchThrowableOfType(QueryLanguageException.class,
                () -> RoundTrip.PARSER.parseText("METRICS (" + nested + ")")).code())
                .isEqualTo(ErrorCode.NESTING_TOO_DEEP);
    }

    @Test
    void nestingAtTheLimitDoesNotNeedABigStack() throws Exception {
        String deepest = "METRICS " + "(".repeat(99) + "x" + ")".repeat(99) + " WHERE " + "NOT ".repeat(99) + "x";
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            try {
                RoundTrip.check(RoundTrip.PARSER.parseText(deepest));
                RoundTrip.PARSER.parseText(deepest + ")");
            } catch (QueryLanguageException expected) {
                // the trailing ')' is a syntax error; reaching it is the point
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "small-stack", 512 * 1024);
        thread.start();
        thread.join();
        assertThat(failure[0]).isNull();
    }

    @Test
    void longFlatListsAreFine() {
        StringBuilder in = new StringBuilder("METRICS clicks WHERE campaign.id IN (0");
        for (int i = 1; i < 10_000; i++) {
            in.append(", ").append(i);
        }
        Report report = RoundTrip.text(in.append(')').toString());
        assertThat(report.where()).isPresent();
        StringBuilder conditions = new StringBuilder("METRICS clicks WHERE a = 0");
        for (int i = 1; i < 2_000; i++) {
            conditions.append(" OR a = ").append(i);
        }
        assertThat(RoundTrip.text(conditions.toString()).where()).isPresent();
    }

    @Test
    void largeStringWithinTheLimitParses() {
        String value = "x".repeat(200_000);
        Report report = RoundTrip.text("METRICS clicks WHERE a = '" + value + "'");
        assertThat(RoundTrip.FORMATTER.toText(report)).contains(value);
    }

    @Test
    void jsonLimits() {
        assertThat(catchThrowableOfType(QueryLanguageException.class, () -> RoundTrip.PARSER.parseJson(
                "{\"metrics\": [\"'" + "a".repeat(2 * MB) + "'\"]}")).code()).isEqualTo(ErrorCode.INPUT_TOO_LONG);
        assertThat(catchThrowableOfType(QueryLanguageException.class, () -> RoundTrip.PARSER.parseJson(
                "{\"metrics\": [\"'" + "a".repeat(300_000) + "'\"]}")).code()).isEqualTo(ErrorCode.INPUT_TOO_LONG);
        assertThat(catchThrowableOfType(QueryLanguageException.class, () -> RoundTrip.PARSER.parseJson(
                "[".repeat(10_000))).code()).isEqualTo(ErrorCode.JSON_WRONG_TYPE);
        assertThat(catchThrowableOfType(QueryLanguageException.class, () -> RoundTrip.PARSER.parseJson(
                "{\"metrics\": [\"" + "(".repeat(10_000) + "\"]}")).code()).isEqualTo(ErrorCode.NESTING_TOO_DEEP);
    }
}
