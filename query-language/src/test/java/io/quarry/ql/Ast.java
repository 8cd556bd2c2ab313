package io.quarry.ql;

import io.quarry.ql.ast.*;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Short factories for expected ASTs in tests; every location is {@link SourceLocation#UNKNOWN}. */
final class Ast {

    static final SourceLocation AT = SourceLocation.UNKNOWN;

    private Ast() {
    }

    static FieldRef field(String... path) {
        return new FieldRef(List.of(path), AT);
    }

    static IntegerLiteral integer(long value) {
        return new IntegerLiteral(value, AT);
    }

    static DecimalLiteral decimal(String value) {
        return new DecimalLiteral(new BigDecimal(value), AT);
    }

    static StringLiteral string(String value) {
        return new StringLiteral(value, AT);
    }

    static DateLiteral date(String value) {
        return new DateLiteral(LocalDate.parse(value), AT);
    }

    static Parameter parameter(String name) {
        return new Parameter(name, AT);
    }

    static FunctionCall call(String name, Expression... arguments) {
        return new FunctionCall(name, false, false, List.of(arguments), AT);
    }

    static Arithmetic arithmetic(ArithmeticOperator operator, Expression left, Expression right) {
        return new Arithmetic(operator, left, right, AT);
    }

    static Comparison compare(ComparisonOperator operator, Expression left, Expression right) {
        return new Comparison(operator, left, right, AT);
    }

    static Logical and(Expression... terms) {
        return new Logical(LogicalOperator.AND, List.of(terms), AT);
    }

    static Logical or(Expression... terms) {
        return new Logical(LogicalOperator.OR, List.of(terms), AT);
    }

    static SelectItem item(Expression expression) {
        return new SelectItem(expression, Optional.empty(), AT);
    }

    static SelectItem item(Expression expression, String alias) {
        return new SelectItem(expression, Optional.of(new Identifier(alias, AT)), AT);
    }

    /** A report with only the given dimensions and metrics; use {@link #with} to add clauses. */
    static Report report(List<SelectItem> dimensions, List<SelectItem> metrics) {
        return new Report(List.of(), Optional.empty(), dimensions, metrics, Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty(), AT);
    }

    /** A copy of a report with some clauses replaced. */
    static Builder with(Report report) {
        return new Builder(report);
    }

    /** Replaces clauses of a report, for expected values. */
    static final class Builder {
        private Report r;

        Builder(Report report) {
            this.r = report;
        }

        Builder parameters(ParameterDeclaration... parameters) {
            r = new Report(List.of(parameters), r.dataset(), r.dimensions(), r.metrics(), r.where(), r.having(),
                    r.orderBy(), r.limit(), r.offset(), r.pivotBy(), r.totals(), r.compare(), r.accounts(),
                    r.timezone(), r.currency(), AT);
            return this;
        }

        Builder dataset(String name) {
            r = new Report(r.parameters(), Optional.of(new Identifier(name, AT)), r.dimensions(), r.metrics(),
                    r.where(), r.having(), r.orderBy(), r.limit(), r.offset(), r.pivotBy(), r.totals(), r.compare(),
                    r.accounts(), r.timezone(), r.currency(), AT);
            return this;
        }

        Builder where(Expression where) {
            r = new Report(r.parameters(), r.dataset(), r.dimensions(), r.metrics(), Optional.of(where), r.having(),
                    r.orderBy(), r.limit(), r.offset(), r.pivotBy(), r.totals(), r.compare(), r.accounts(),
                    r.timezone(), r.currency(), AT);
            return this;
        }

        Builder having(Expression having) {
            r = new Report(r.parameters(), r.dataset(), r.dimensions(), r.metrics(), r.where(), Optional.of(having),
                    r.orderBy(), r.limit(), r.offset(), r.pivotBy(), r.totals(), r.compare(), r.accounts(),
                    r.timezone(), r.currency(), AT);
            return this;
        }

        Builder orderBy(SortItem... items) {
            r = new Report(r.parameters(), r.dataset(), r.dimensions(), r.metrics(), r.where(), r.having(),
                    List.of(items), r.limit(), r.offset(), r.pivotBy(), r.totals(), r.compare(), r.accounts(),
                    r.timezone(), r.currency(), AT);
            return this;
        }

        Builder limit(IntegerOrParameter limit, IntegerOrParameter offset) {
            r = new Report(r.parameters(), r.dataset(), r.dimensions(), r.metrics(), r.where(), r.having(),
                    r.orderBy(), Optional.ofNullable(limit), Optional.ofNullable(offset), r.pivotBy(), r.totals(),
                    r.compare(), r.accounts(), r.timezone(), r.currency(), AT);
            return this;
        }

        Builder pivotBy(Expression... pivot) {
            r = new Report(r.parameters(), r.dataset(), r.dimensions(), r.metrics(), r.where(), r.having(),
                    r.orderBy(), r.limit(), r.offset(), List.of(pivot), r.totals(), r.compare(), r.accounts(),
                    r.timezone(), r.currency(), AT);
            return this;
        }

        Builder totals(boolean grand, Expression... subtotals) {
            r = new Report(r.parameters(), r.dataset(), r.dimensions(), r.metrics(), r.where(), r.having(),
                    r.orderBy(), r.limit(), r.offset(), r.pivotBy(), Optional.of(new Totals(grand, List.of(subtotals),
                    AT)), r.compare(), r.accounts(), r.timezone(), r.currency(), AT);
            return this;
        }

        Builder compare(ComparePeriod period) {
            r = new Report(r.parameters(), r.dataset(), r.dimensions(), r.metrics(), r.where(), r.having(),
                    r.orderBy(), r.limit(), r.offset(), r.pivotBy(), r.totals(),
                    Optional.of(new CompareClause(period, AT)), r.accounts(), r.timezone(), r.currency(), AT);
            return this;
        }

        Builder accounts(IntegerOrParameter... accounts) {
            r = new Report(r.parameters(), r.dataset(), r.dimensions(), r.metrics(), r.where(), r.having(),
                    r.orderBy(), r.limit(), r.offset(), r.pivotBy(), r.totals(), r.compare(), List.of(accounts),
                    r.timezone(), r.currency(), AT);
            return this;
        }

        Builder timezone(String zone) {
            r = new Report(r.parameters(), r.dataset(), r.dimensions(), r.metrics(), r.where(), r.having(),
                    r.orderBy(), r.limit(), r.offset(), r.pivotBy(), r.totals(), r.compare(), r.accounts(),
                    Optional.of(new TimeZoneClause(zone, AT)), r.currency(), AT);
            return this;
        }

        Builder currency(String code) {
            r = new Report(r.parameters(), r.dataset(), r.dimensions(), r.metrics(), r.where(), r.having(),
                    r.orderBy(), r.limit(), r.offset(), r.pivotBy(), r.totals(), r.compare(), r.accounts(),
                    r.timezone(), Optional.of(new CurrencyClause(code, AT)), AT);
            return this;
        }

        Report build() {
            return r;
        }
    }
}
