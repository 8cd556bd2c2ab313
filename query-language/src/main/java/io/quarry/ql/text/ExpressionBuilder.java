package io.quarry.ql.text;

import io.quarry.ql.ErrorCode;
import io.quarry.ql.ast.Arithmetic;
import io.quarry.ql.ast.ArithmeticOperator;
import io.quarry.ql.ast.Between;
import io.quarry.ql.ast.BooleanLiteral;
import io.quarry.ql.ast.Case;
import io.quarry.ql.ast.Comparison;
import io.quarry.ql.ast.ComparisonOperator;
import io.quarry.ql.ast.DateLiteral;
import io.quarry.ql.ast.DateRange;
import io.quarry.ql.ast.DecimalLiteral;
import io.quarry.ql.ast.During;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.FieldRef;
import io.quarry.ql.ast.FunctionCall;
import io.quarry.ql.ast.InList;
import io.quarry.ql.ast.IntegerLiteral;
import io.quarry.ql.ast.IsNull;
import io.quarry.ql.ast.Like;
import io.quarry.ql.ast.Logical;
import io.quarry.ql.ast.LogicalOperator;
import io.quarry.ql.ast.Negative;
import io.quarry.ql.ast.Not;
import io.quarry.ql.ast.NullLiteral;
import io.quarry.ql.ast.Parameter;
import io.quarry.ql.ast.SourceLocation;
import io.quarry.ql.ast.StringLiteral;
import io.quarry.ql.ast.WhenClause;
import io.quarry.ql.internal.Errors;
import io.quarry.ql.internal.Vocabulary;
import io.quarry.ql.parser.QuarryReportBaseVisitor;
import io.quarry.ql.parser.QuarryReportParser;
import io.quarry.ql.parser.QuarryReportParser.*;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Builds expression nodes from the parse tree. One instance per parse; no mutable state. */
final class ExpressionBuilder extends QuarryReportBaseVisitor<Expression> {

    private final String source;
    private final Locations at;
    private final Names names;

    ExpressionBuilder(String source, Locations locations) {
        this.source = source;
        this.at = locations;
        this.names = new Names(source, locations);
    }

    Names names() {
        return names;
    }

    @Override
    public Expression visitStandaloneExpression(StandaloneExpressionContext context) {
        return visit(context.expression());
    }

    @Override
    public Expression visitExpression(ExpressionContext context) {
        return logical(LogicalOperator.OR, context.andExpression(), context);
    }

    @Override
    public Expression visitAndExpression(AndExpressionContext context) {
        return logical(LogicalOperator.AND, context.notExpression(), context);
    }

    private Expression logical(LogicalOperator operator, List<? extends ParserRuleContext> terms,
                               ParserRuleContext context) {
        if (terms.size() == 1) {
            return visit(terms.get(0));
        }
        return new Logical(operator, terms.stream().map(this::visit).toList(), at.of(context));
    }

    @Override
    public Expression visitLogicalNot(LogicalNotContext context) {
        return new Not(visit(context.notExpression()), at.of(context));
    }

    @Override
    public Expression visitPredicated(PredicatedContext context) {
        Expression value = visit(context.valueExpression());
        PredicateContext predicate = context.predicate();
        if (predicate == null) {
            return value;
        }
        SourceLocation location = at.of(context);
        if (predicate instanceof ComparisonContext comparison) {
            return new Comparison(comparisonOperator(comparison.comparisonOperator().getStart()), value,
                    visit(comparison.right), location);
        }
        if (predicate instanceof NullPredicateContext isNull) {
            return new IsNull(value, isNull.NOT() != null, location);
        }
        if (predicate instanceof DuringContext during) {
            return new During(value, dateRange(during.range), location);
        }
        NegatableContext negatable = (NegatableContext) predicate;
        boolean negated = negatable.NOT() != null;
        NegatablePredicateContext inner = negatable.negatablePredicate();
        if (inner instanceof BetweenContext between) {
            return new Between(value, visit(between.lower), visit(between.upper), negated, location);
        }
        if (inner instanceof InListContext in) {
            return new InList(value, visitAll(in.expression()), negated, location);
        }
        LikeContext like = (LikeContext) inner;
        return new Like(value, visit(like.pattern), like.kind.getType() == QuarryReportParser.ILIKE, negated,
                location);
    }

    private DateRange dateRange(IdentifierContext context) {
        String name = names.of(context);
        return Vocabulary.lookup(DateRange.class, name).orElseThrow(() -> Errors.at(ErrorCode.UNKNOWN_DATE_RANGE,
                "unknown date range " + Errors.quote(context.getText()) + "; expected a date range such as "
                        + "LAST_30_DAYS", at.of(context), source, context.getText(),
                Vocabulary.names(DateRange.class)));
    }

    private static ComparisonOperator comparisonOperator(Token token) {
        return switch (token.getType()) {
            case QuarryReportParser.EQ -> ComparisonOperator.EQUAL;
            case QuarryReportParser.NEQ -> ComparisonOperator.NOT_EQUAL;
            case QuarryReportParser.LT -> ComparisonOperator.LESS_THAN;
            case QuarryReportParser.LTE -> ComparisonOperator.LESS_THAN_OR_EQUAL;
            case QuarryReportParser.GT -> ComparisonOperator.GREATER_THAN;
            case QuarryReportParser.GTE -> ComparisonOperator.GREATER_THAN_OR_EQUAL;
            default -> throw new IllegalStateException("not a comparison: " + token.getText());
        };
    }

    @Override
    public Expression visitValueDefault(ValueDefaultContext context) {
        return visit(context.primaryExpression());
    }

    @Override
    public Expression visitArithmeticUnary(ArithmeticUnaryContext context) {
        Expression operand = visit(context.valueExpression());
        return context.operator.getType() == QuarryReportParser.MINUS
                ? new Negative(operand, at.of(context))
                : operand;
    }

    @Override
    public Expression visitArithmeticBinary(ArithmeticBinaryContext context) {
        ArithmeticOperator operator = switch (context.operator.getType()) {
            case QuarryReportParser.PLUS -> ArithmeticOperator.ADD;
            case QuarryReportParser.MINUS -> ArithmeticOperator.SUBTRACT;
            case QuarryReportParser.ASTERISK -> ArithmeticOperator.MULTIPLY;
            case QuarryReportParser.SLASH -> ArithmeticOperator.DIVIDE;
            case QuarryReportParser.PERCENT -> ArithmeticOperator.MODULUS;
            default -> throw new IllegalStateException("not arithmetic: " + context.operator.getText());
        };
        return new Arithmetic(operator, visit(context.left), visit(context.right), at.of(context));
    }

    @Override
    public Expression visitNullLiteral(NullLiteralContext context) {
        return new NullLiteral(at.of(context));
    }

    @Override
    public Expression visitBooleanLiteral(BooleanLiteralContext context) {
        return bool(context.booleanValue());
    }

    Expression bool(BooleanValueContext context) {
        return new BooleanLiteral(context.TRUE() != null, at.of(context));
    }

    @Override
    public Expression visitNumericLiteral(NumericLiteralContext context) {
        return visit(context.number());
    }

    @Override
    public Expression visitIntegerLiteral(IntegerLiteralContext context) {
        return integer(context.INTEGER_VALUE().getSymbol());
    }

    IntegerLiteral integer(Token token) {
        try {
            return new IntegerLiteral(Long.parseLong(token.getText()), at.of(token));
        } catch (NumberFormatException e) {
            throw Errors.at(ErrorCode.INVALID_NUMBER, "integer " + Errors.quote(token.getText())
                    + " is out of range; the largest is " + Long.MAX_VALUE, at.of(token), source, token.getText(),
                    List.of());
        }
    }

    @Override
    public Expression visitDecimalLiteral(DecimalLiteralContext context) {
        BigDecimal value = new BigDecimal(context.getText());
        // "1." means 1.0: a decimal literal always has a fractional part, so it formats with a dot.
        return new DecimalLiteral(value.scale() < 1 ? value.setScale(1) : value, at.of(context));
    }

    @Override
    public Expression visitStringLiteral(StringLiteralContext context) {
        return string(context.string());
    }

    StringLiteral string(StringContext context) {
        return new StringLiteral(unquote(context.getText()), at.of(context));
    }

    static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replace("''", "'");
    }

    @Override
    public Expression visitDateLiteral(DateLiteralContext context) {
        return date(context, context.string());
    }

    DateLiteral date(ParserRuleContext context, StringContext string) {
        String text = unquote(string.getText());
        try {
            if (!text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                throw new DateTimeParseException("not yyyy-mm-dd", text, 0);
            }
            return new DateLiteral(LocalDate.parse(text), at.of(context));
        } catch (DateTimeParseException e) {
            throw Errors.at(ErrorCode.INVALID_DATE, "invalid date " + Errors.quote(text)
                    + "; expected a date as 'yyyy-mm-dd'", at.of(string), source, string.getText(), List.of());
        }
    }

    @Override
    public Expression visitParameter(ParameterContext context) {
        return new Parameter(parameterName(context.PARAMETER().getSymbol()), at.of(context));
    }

    static String parameterName(Token token) {
        return Vocabulary.fold(token.getText().substring(1));
    }

    @Override
    public Expression visitSearchedCase(SearchedCaseContext context) {
        List<WhenClause> whens = new ArrayList<>();
        for (WhenClauseContext when : context.whenClause()) {
            whens.add(new WhenClause(visit(when.condition), visit(when.result), at.of(when)));
        }
        Optional<Expression> otherwise = Optional.ofNullable(context.elseExpression).map(this::visit);
        return new Case(whens, otherwise, at.of(context));
    }

    @Override
    public Expression visitParenthesizedExpression(ParenthesizedExpressionContext context) {
        return visit(context.expression());
    }

    @Override
    public Expression visitNameExpression(NameExpressionContext context) {
        String first = names.of(context.identifier());
        if (context.LPAREN() == null) {
            List<String> path = new ArrayList<>();
            path.add(first);
            for (PathPartContext part : context.pathPart()) {
                path.add(names.of(part));
            }
            return new FieldRef(path, at.of(context));
        }
        FunctionArgumentsContext arguments = context.functionArguments();
        if (arguments == null) {
            return new FunctionCall(first, false, false, List.of(), at.of(context));
        }
        if (arguments instanceof StarArgumentContext) {
            return new FunctionCall(first, false, true, List.of(), at.of(context));
        }
        ExpressionArgumentsContext list = (ExpressionArgumentsContext) arguments;
        return new FunctionCall(first, list.DISTINCT() != null, false, visitAll(list.expression()), at.of(context));
    }

    List<Expression> visitAll(List<? extends ParserRuleContext> contexts) {
        List<Expression> result = new ArrayList<>(contexts.size());
        for (ParserRuleContext context : contexts) {
            result.add(visit(context));
        }
        return result;
    }
}
