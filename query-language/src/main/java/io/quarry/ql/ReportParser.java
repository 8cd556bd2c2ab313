package io.quarry.ql;

import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.Report;
import io.quarry.ql.ast.SourceLocation;
import io.quarry.ql.json.JsonReportReader;
import io.quarry.ql.text.TextParser;
import java.util.List;
import java.util.function.Supplier;

/**
 * Parses reports in the text form and the JSON form into the same AST.
 *
 * <p>Any input yields an AST or a {@link QueryLanguageException}: input length and nesting depth
 * are limited ({@link ParserLimits}) and checked before the recursive-descent parser runs.
 * Instances are immutable and thread-safe.
 */
public final class ReportParser {

    private final ParserLimits limits;
    private final TextParser text;

    /** A parser with {@link ParserLimits#DEFAULT}. */
    public ReportParser() {
        this(ParserLimits.DEFAULT);
    }

    /** A parser with the given limits. */
    public ReportParser(ParserLimits limits) {
        this.limits = limits;
        this.text = new TextParser(limits);
    }

    /** Parses a report in the text form. */
    public Report parseText(String report) {
        return guard(() -> text.report(report));
    }

    /** Parses a report in the JSON form. */
    public Report parseJson(String json) {
        return guard(() -> new JsonReportReader(text, limits).read(json));
    }

    /** Parses one expression, as written in a JSON expression string. */
    public Expression parseExpression(String expression) {
        return guard(() -> text.expression(expression, null));
    }

    private static <T> T guard(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (StackOverflowError e) {
            // Defence in depth only: TokenPreScan bounds nesting before parsing, so this should not happen.
            throw new QueryLanguageException(ErrorCode.NESTING_TOO_DEEP, "input is nested too deeply",
                    SourceLocation.text(1, 1), null, List.of(), "");
        }
    }
}
