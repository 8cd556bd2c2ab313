package io.quarry.ql;

import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.Report;
import io.quarry.ql.format.ExpressionFormatter;
import io.quarry.ql.format.JsonFormatter;
import io.quarry.ql.format.TextFormatter;

/**
 * Writes a report as canonical text or canonical JSON. Parsing the output gives a report equal to
 * the input (locations aside). Stateless and thread-safe.
 */
public final class ReportFormatter {

    /** Canonical text, one clause per line. */
    public String toText(Report report) {
        return TextFormatter.format(report);
    }

    /** Canonical JSON, pretty-printed. */
    public String toJson(Report report) {
        return JsonFormatter.format(report);
    }

    /** Canonical text of one expression. */
    public String toText(Expression expression) {
        return ExpressionFormatter.format(expression);
    }
}
