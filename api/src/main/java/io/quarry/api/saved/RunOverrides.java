package io.quarry.api.saved;

import io.quarry.api.problem.Problem;
import io.quarry.ql.QueryLanguageException;
import io.quarry.ql.ReportParser;
import io.quarry.ql.ast.Between;
import io.quarry.ql.ast.Comparison;
import io.quarry.ql.ast.DateLiteral;
import io.quarry.ql.ast.During;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.FieldRef;
import io.quarry.ql.ast.IntegerLiteral;
import io.quarry.ql.ast.Logical;
import io.quarry.ql.ast.LogicalOperator;
import io.quarry.ql.ast.Report;
import io.quarry.ql.ast.SourceLocation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies a run's overrides to a saved report, giving a new report (the saved one is untouched):
 * a date range replaces the report's top-level date conditions, extra filters are ANDed to its
 * WHERE, a limit replaces its LIMIT. The result is planned like any report, so the tenant filter
 * and every check apply to it unchanged.
 */
final class RunOverrides {

    /** The time dimension's name in reports ({@code WHERE date BETWEEN ...}). */
    static final String DATE = "date";

    private final ReportParser parser = new ReportParser();

    Report apply(Report report, RunRequest run) {
        List<Expression> conditions = new ArrayList<>(report.where().map(RunOverrides::conjuncts).orElse(List.of()));
        if (run.from() != null || run.to() != null) {
            if (run.from() == null || run.to() == null) {
                throw invalid("DATE_RANGE", "a date range override needs both \"from\" and \"to\"",
                        run.from() == null ? "/from" : "/to");
            }
            for (String end : List.of("from", "to")) {
                LocalDate day = end.equals("from") ? run.from() : run.to();
                if (day.getYear() < 1 || day.getYear() > 9999) {
                    throw invalid("DATE_RANGE", "\"" + end + "\" (" + day + ") is outside the supported dates,"
                            + " 0001-01-01 to 9999-12-31", "/" + end);
                }
            }
            if (run.to().isBefore(run.from())) {
                throw invalid("DATE_RANGE", "\"to\" (" + run.to() + ") is before \"from\" (" + run.from() + ")", "/to");
            }
            conditions.removeIf(RunOverrides::isDateCondition);
            conditions.add(new Between(new FieldRef(List.of(DATE), SourceLocation.UNKNOWN),
                    new DateLiteral(run.from(), SourceLocation.UNKNOWN), new DateLiteral(run.to(), SourceLocation.UNKNOWN),
                    false, SourceLocation.UNKNOWN));
        }
        List<String> filters = run.filters() == null ? List.of() : run.filters();
        for (int i = 0; i < filters.size(); i++) {
            try {
                conditions.add(parser.parseExpression(filters.get(i)));
            } catch (QueryLanguageException e) {
                throw SavedReportException.badRequest("INVALID_FILTER", "filters[" + i + "]: " + e.getMessage(),
                        Problem.Located.of(e).under("/filters/" + i));
            }
        }
        Optional<Expression> where = conditions.isEmpty() ? Optional.empty()
                : Optional.of(conditions.size() == 1 ? conditions.get(0)
                : new Logical(LogicalOperator.AND, conditions, SourceLocation.UNKNOWN));
        if (run.limit() != null && run.limit() < 0) {
            throw invalid("INVALID_LIMIT", "\"limit\" must not be negative", "/limit");
        }
        return new Report(report.parameters(), report.dataset(), report.dimensions(), report.metrics(), where,
                report.having(), report.orderBy(),
                run.limit() == null ? report.limit() : Optional.of(new IntegerLiteral(run.limit(), SourceLocation.UNKNOWN)),
                report.offset(), report.pivotBy(), report.totals(), report.compare(), report.accounts(),
                report.timezone(), report.currency(), report.location());
    }

    private static List<Expression> conjuncts(Expression where) {
        return where instanceof Logical logical && logical.operator() == LogicalOperator.AND ? logical.terms()
                : List.of(where);
    }

    /** A condition on the date alone: {@code date BETWEEN ..}, {@code date >= ..}, {@code date DURING ..}. */
    private static boolean isDateCondition(Expression condition) {
        if (condition instanceof Between between) {
            return isDate(between.value());
        } else if (condition instanceof Comparison comparison) {
            return isDate(comparison.left()) || isDate(comparison.right());
        } else if (condition instanceof During during) {
            return isDate(during.value());
        }
        return false;
    }

    private static boolean isDate(Expression expression) {
        return expression instanceof FieldRef field && field.path().size() == 1 && field.path().get(0).equals(DATE);
    }

    private static SavedReportException invalid(String code, String detail, String pointer) {
        return SavedReportException.badRequest(code, detail, new Problem.Located(code, detail, null, null, pointer,
                null, null));
    }
}
