package io.quarry.ql.text;

import io.quarry.ql.ErrorCode;
import io.quarry.ql.ast.ComparePeriod;
import io.quarry.ql.ast.CompareClause;
import io.quarry.ql.ast.CurrencyClause;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.Identifier;
import io.quarry.ql.ast.IntegerOrParameter;
import io.quarry.ql.ast.Negative;
import io.quarry.ql.ast.NullLiteral;
import io.quarry.ql.ast.NullOrdering;
import io.quarry.ql.ast.Parameter;
import io.quarry.ql.ast.ParameterDeclaration;
import io.quarry.ql.ast.ParameterType;
import io.quarry.ql.ast.Report;
import io.quarry.ql.ast.SelectItem;
import io.quarry.ql.ast.SortItem;
import io.quarry.ql.ast.SortOrder;
import io.quarry.ql.ast.TimeZoneClause;
import io.quarry.ql.ast.Totals;
import io.quarry.ql.internal.Errors;
import io.quarry.ql.internal.Vocabulary;
import io.quarry.ql.parser.QuarryReportParser;
import io.quarry.ql.parser.QuarryReportParser.*;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Builds a {@link Report} from the parse tree, clause by clause. */
final class ReportBuilder {

    private final String source;
    private final Locations at;
    private final ExpressionBuilder expressions;
    private final Names names;

    ReportBuilder(String source, Locations locations) {
        this.source = source;
        this.at = locations;
        this.expressions = new ExpressionBuilder(source, locations);
        this.names = expressions.names();
    }

    Report report(ReportContext context) {
        return new Report(
                parameters(context.parametersClause()),
                Optional.ofNullable(context.fromClause())
                        .map(from -> new Identifier(names.of(from.identifier()), at.of(from.identifier()))),
                items(context.dimensionsClause(), DimensionsClauseContext::selectItem),
                items(context.metricsClause(), MetricsClauseContext::selectItem),
                Optional.ofNullable(context.whereClause()).map(where -> expression(where.expression())),
                Optional.ofNullable(context.havingClause()).map(having -> expression(having.expression())),
                orderBy(context.orderByClause()),
                Optional.ofNullable(context.limitClause()).map(limit -> integerOrParameter(limit.integerOrParameter())),
                Optional.ofNullable(context.offsetClause())
                        .map(offset -> integerOrParameter(offset.integerOrParameter())),
                context.pivotClause() == null ? List.of() : expressions.visitAll(context.pivotClause().expression()),
                Optional.ofNullable(context.totalsClause()).map(this::totals),
                Optional.ofNullable(context.compareClause()).map(this::compare),
                context.accountsClause() == null ? List.of()
                        : context.accountsClause().integerOrParameter().stream().map(this::integerOrParameter).toList(),
                Optional.ofNullable(context.timezoneClause()).map(this::timezone),
                Optional.ofNullable(context.currencyClause()).map(this::currency),
                at.of(context));
    }

    private Expression expression(ExpressionContext context) {
        return expressions.visit(context);
    }

    private <C> List<SelectItem> items(C clause, Function<C, List<SelectItemContext>> items) {
        if (clause == null) {
            return List.of();
        }
        List<SelectItem> result = new ArrayList<>();
        for (SelectItemContext item : items.apply(clause)) {
            Optional<Identifier> alias = Optional.ofNullable(item.alias)
                    .map(name -> new Identifier(names.of(name), at.of(name)));
            result.add(new SelectItem(expression(item.expression()), alias, at.of(item)));
        }
        return result;
    }

    private List<ParameterDeclaration> parameters(ParametersClauseContext clause) {
        if (clause == null) {
            return List.of();
        }
        List<ParameterDeclaration> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ParameterDeclarationContext declaration : clause.parameterDeclaration()) {
            String name = names.of(declaration.name);
            if (!Vocabulary.PARAMETER_NAME.matcher(name).matches()) {
                throw Errors.at(ErrorCode.INVALID_IDENTIFIER, "parameter name " + Errors.quote(name)
                        + " must be letters, digits and underscores, starting with a letter or underscore",
                        at.of(declaration.name), source, declaration.name.getText(), List.of());
            }
            if (!seen.add(name)) {
                throw Errors.at(ErrorCode.DUPLICATE_PARAMETER, "parameter " + Errors.quote(name)
                        + " is declared twice", at.of(declaration.name), source, declaration.name.getText(), List.of());
            }
            String typeName = names.of(declaration.type);
            ParameterType type = Vocabulary.lookup(ParameterType.class, typeName).orElseThrow(() -> Errors.at(
                    ErrorCode.UNKNOWN_PARAMETER_TYPE, "unknown parameter type " + Errors.quote(declaration.type.getText())
                            + "; expected " + Errors.oneOf(Vocabulary.names(ParameterType.class)),
                    at.of(declaration.type), source, declaration.type.getText(), Vocabulary.names(ParameterType.class)));
            Optional<Expression> defaultValue = Optional.ofNullable(declaration.defaultValue).map(this::literal);
            if (defaultValue.isPresent()) {
                Optional<String> problem = Vocabulary.defaultProblem(type, defaultValue.get());
                if (problem.isPresent()) {
                    throw Errors.at(ErrorCode.INVALID_PARAMETER_DEFAULT, problem.get(), at.of(declaration.defaultValue),
                            source, declaration.defaultValue.getText(), List.of());
                }
            }
            result.add(new ParameterDeclaration(new Identifier(name, at.of(declaration.name)), type, defaultValue,
                    at.of(declaration)));
        }
        return result;
    }

    private Expression literal(LiteralContext context) {
        if (context instanceof NullDefaultContext) {
            return new NullLiteral(at.of(context));
        }
        if (context instanceof BooleanDefaultContext bool) {
            return expressions.bool(bool.booleanValue());
        }
        if (context instanceof StringDefaultContext string) {
            return expressions.string(string.string());
        }
        if (context instanceof DateDefaultContext date) {
            return expressions.date(date, date.string());
        }
        NumericDefaultContext numeric = (NumericDefaultContext) context;
        Expression number = expressions.visit(numeric.number());
        return numeric.sign != null && numeric.sign.getType() == QuarryReportParser.MINUS
                ? new Negative(number, at.of(context))
                : number;
    }

    private List<SortItem> orderBy(OrderByClauseContext clause) {
        if (clause == null) {
            return List.of();
        }
        List<SortItem> result = new ArrayList<>();
        for (SortItemContext item : clause.sortItem()) {
            SortOrder order = item.ordering != null && item.ordering.getType() == QuarryReportParser.DESC
                    ? SortOrder.DESC : SortOrder.ASC;
            NullOrdering nulls = item.nullOrdering == null ? NullOrdering.UNSPECIFIED
                    : item.nullOrdering.getType() == QuarryReportParser.FIRST ? NullOrdering.FIRST : NullOrdering.LAST;
            result.add(new SortItem(expression(item.expression()), order, nulls, at.of(item)));
        }
        return result;
    }

    private IntegerOrParameter integerOrParameter(IntegerOrParameterContext context) {
        if (context instanceof IntegerValueContext integer) {
            return expressions.integer(integer.INTEGER_VALUE().getSymbol());
        }
        ParameterValueContext parameter = (ParameterValueContext) context;
        return new Parameter(ExpressionBuilder.parameterName(parameter.PARAMETER().getSymbol()), at.of(context));
    }

    private Totals totals(TotalsClauseContext clause) {
        boolean grand = false;
        List<Expression> subtotals = null;
        for (TotalsItemContext item : clause.totalsItem()) {
            boolean duplicate = item instanceof GrandTotalContext ? grand : subtotals != null;
            if (duplicate) {
                throw Errors.at(ErrorCode.DUPLICATE_TOTALS, Errors.quote(item.getStart().getText())
                        + " is given twice in TOTALS", at.of(item), source, item.getStart().getText(), List.of());
            }
            if (item instanceof GrandTotalContext) {
                grand = true;
            } else {
                subtotals = expressions.visitAll(((SubtotalsContext) item).expression());
            }
        }
        return new Totals(grand, subtotals == null ? List.of() : subtotals, at.of(clause));
    }

    private CompareClause compare(CompareClauseContext clause) {
        String name = names.of(clause.period);
        ComparePeriod period = Vocabulary.lookup(ComparePeriod.class, name).orElseThrow(() -> Errors.at(
                ErrorCode.UNKNOWN_COMPARE_PERIOD, "unknown comparison period " + Errors.quote(clause.period.getText())
                        + "; expected " + Errors.oneOf(Vocabulary.names(ComparePeriod.class)),
                at.of(clause.period), source, clause.period.getText(), Vocabulary.names(ComparePeriod.class)));
        return new CompareClause(period, at.of(clause));
    }

    private TimeZoneClause timezone(TimezoneClauseContext clause) {
        String zone = ExpressionBuilder.unquote(clause.string().getText());
        if (!Vocabulary.isTimeZone(zone)) {
            throw Errors.at(ErrorCode.INVALID_TIME_ZONE, "unknown time zone " + Errors.quote(zone)
                    + "; expected a zone id such as 'Europe/Helsinki' or 'UTC'", at.of(clause.string()), source,
                    clause.string().getText(), List.of());
        }
        return new TimeZoneClause(zone, at.of(clause));
    }

    private CurrencyClause currency(CurrencyClauseContext clause) {
        String code = ExpressionBuilder.unquote(clause.string().getText());
        if (!Vocabulary.isCurrency(code)) {
            throw Errors.at(ErrorCode.INVALID_CURRENCY, "invalid currency " + Errors.quote(code)
                    + "; expected an ISO 4217 code of three capital letters such as 'EUR'", at.of(clause.string()),
                    source, clause.string().getText(), List.of());
        }
        return new CurrencyClause(code, at.of(clause));
    }
}
