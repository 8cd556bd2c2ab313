package io.quarry.ql.format;

import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.IntegerOrParameter;
import io.quarry.ql.ast.NullOrdering;
import io.quarry.ql.ast.ParameterDeclaration;
import io.quarry.ql.ast.Report;
import io.quarry.ql.ast.SelectItem;
import io.quarry.ql.ast.SortItem;
import io.quarry.ql.ast.SortOrder;
import io.quarry.ql.ast.Totals;
import java.util.List;
import java.util.function.Function;

/** Writes a report as canonical text: one clause per line, in the grammar's clause order. */
public final class TextFormatter {

    private TextFormatter() {
    }

    /** Canonical text of a report, ending with a newline. */
    public static String format(Report report) {
        StringBuilder out = new StringBuilder();
        if (!report.parameters().isEmpty()) {
            line(out, "PARAMETERS (" + join(report.parameters(), TextFormatter::parameter) + ")");
        }
        report.dataset().ifPresent(dataset -> line(out, "FROM " + ExpressionFormatter.name(dataset.name())));
        if (!report.dimensions().isEmpty()) {
            line(out, "DIMENSIONS " + join(report.dimensions(), TextFormatter::item));
        }
        if (!report.metrics().isEmpty()) {
            line(out, "METRICS " + join(report.metrics(), TextFormatter::item));
        }
        report.where().ifPresent(where -> line(out, "WHERE " + ExpressionFormatter.format(where)));
        report.having().ifPresent(having -> line(out, "HAVING " + ExpressionFormatter.format(having)));
        if (!report.orderBy().isEmpty()) {
            line(out, "ORDER BY " + join(report.orderBy(), TextFormatter::sortItem));
        }
        report.limit().ifPresent(limit -> line(out, "LIMIT " + ExpressionFormatter.format(limit)));
        report.offset().ifPresent(offset -> line(out, "OFFSET " + ExpressionFormatter.format(offset)));
        if (!report.pivotBy().isEmpty()) {
            line(out, "PIVOT BY " + join(report.pivotBy(), ExpressionFormatter::format));
        }
        report.totals().ifPresent(totals -> line(out, "TOTALS " + totals(totals)));
        report.compare().ifPresent(compare -> line(out, "COMPARE " + compare.period().name()));
        if (!report.accounts().isEmpty()) {
            line(out, "ACCOUNTS (" + join(report.accounts(), (IntegerOrParameter account) ->
                    ExpressionFormatter.format(account)) + ")");
        }
        report.timezone().ifPresent(zone -> line(out, "TIMEZONE " + ExpressionFormatter.string(zone.zoneId())));
        report.currency().ifPresent(currency -> line(out, "CURRENCY " + ExpressionFormatter.string(currency.code())));
        return out.toString();
    }

    private static void line(StringBuilder out, String line) {
        out.append(line).append('\n');
    }

    private static <T> String join(List<T> items, Function<T, String> writer) {
        StringBuilder out = new StringBuilder();
        for (T item : items) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(writer.apply(item));
        }
        return out.toString();
    }

    private static String parameter(ParameterDeclaration parameter) {
        // Parameter names are always plain lower-case words; keywords are allowed here.
        return parameter.name().name() + " " + parameter.type().name()
                + parameter.defaultValue().map(value -> " DEFAULT " + ExpressionFormatter.format(value)).orElse("");
    }

    static String item(SelectItem item) {
        return ExpressionFormatter.format(item.expression())
                + item.alias().map(alias -> " AS " + ExpressionFormatter.name(alias.name())).orElse("");
    }

    static String sortItem(SortItem item) {
        return ExpressionFormatter.format(item.key())
                + (item.order() == SortOrder.DESC ? " DESC" : "")
                + (item.nulls() == NullOrdering.UNSPECIFIED ? "" : " NULLS " + item.nulls().name());
    }

    private static String totals(Totals totals) {
        String subtotals = totals.subtotals().isEmpty() ? ""
                : "SUBTOTALS (" + join(totals.subtotals(), (Expression e) -> ExpressionFormatter.format(e)) + ")";
        if (totals.grand()) {
            return subtotals.isEmpty() ? "GRAND" : "GRAND, " + subtotals;
        }
        return subtotals;
    }
}
