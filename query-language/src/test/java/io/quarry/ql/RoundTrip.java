package io.quarry.ql;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.Report;

/** Parse, format, parse: the round trip every parser test goes through, in both forms. */
final class RoundTrip {

    static final ReportParser PARSER = new ReportParser();
    static final ReportFormatter FORMATTER = new ReportFormatter();

    private RoundTrip() {
    }

    /** Parses text, checks both round trips, and returns the report. */
    static Report text(String text) {
        Report report = PARSER.parseText(text);
        check(report);
        return report;
    }

    /** Parses JSON, checks both round trips, and returns the report. */
    static Report json(String json) {
        Report report = PARSER.parseJson(json);
        check(report);
        return report;
    }

    /** Checks that formatting a report as text and as JSON and parsing back gives an equal report. */
    static void check(Report report) {
        String text = FORMATTER.toText(report);
        assertThat(PARSER.parseText(text)).as("text round trip of:\n%s", text).isEqualTo(report);
        assertThat(FORMATTER.toText(PARSER.parseText(text))).as("canonical text is stable").isEqualTo(text);
        String json = FORMATTER.toJson(report);
        assertThat(PARSER.parseJson(json)).as("JSON round trip of:\n%s", json).isEqualTo(report);
    }

    /** Parses an expression and checks its round trip. */
    static Expression expression(String text) {
        Expression expression = PARSER.parseExpression(text);
        String formatted = FORMATTER.toText(expression);
        assertThat(PARSER.parseExpression(formatted)).as("round trip of %s", formatted).isEqualTo(expression);
        return expression;
    }
}
