package io.quarry.ql.text;

import static io.quarry.ql.parser.QuarryReportParser.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Describes a set of expected tokens in human words: a whole expression start becomes "a dimension",
 * "a metric", "a condition" or "an expression" by context; names become "a name" (or what the name
 * is for); operators collapse into "an operator" and the report's clause keywords into "another
 * clause".
 */
final class ExpectedTokens {

    private static final Set<Integer> EXPRESSION_START = Set.of(
            LPAREN, NOT, MINUS, PLUS, NULL, TRUE, FALSE, DATE, CASE, STRING, INTEGER_VALUE, DECIMAL_VALUE,
            PARAMETER, IDENTIFIER, QUOTED_IDENTIFIER);
    private static final Set<Integer> NAMES = Set.of(
            IDENTIFIER, QUOTED_IDENTIFIER, ASC, BY, CURRENCY, DATE, DEFAULT, DESC, FIRST, GRAND, LAST, NULLS, SUBTOTALS);
    private static final Set<Integer> RESERVED = Set.of(
            ACCOUNTS, AND, AS, BETWEEN, CASE, COMPARE, DIMENSIONS, DISTINCT, DURING, ELSE, END, FALSE, FROM,
            HAVING, ILIKE, IN, IS, LIKE, LIMIT, METRICS, NOT, NULL, OFFSET, OR, ORDER, PARAMETERS, PIVOT, THEN,
            TIMEZONE, TOTALS, TRUE, WHEN, WHERE);
    private static final Set<Integer> OPERATORS = Set.of(
            PLUS, MINUS, ASTERISK, SLASH, PERCENT, EQ, NEQ, LT, LTE, GT, GTE, IS, IN, BETWEEN, LIKE, ILIKE,
            DURING, NOT);
    private static final Set<Integer> ARITHMETIC = Set.of(PLUS, MINUS, ASTERISK, SLASH, PERCENT);
    private static final Set<Integer> LITERALS = Set.of(
            NULL, TRUE, FALSE, DATE, PLUS, MINUS, STRING, INTEGER_VALUE, DECIMAL_VALUE);
    private static final Set<Integer> CLAUSES = Set.of(
            PARAMETERS, FROM, DIMENSIONS, METRICS, WHERE, HAVING, ORDER, LIMIT, OFFSET, PIVOT, TOTALS, COMPARE,
            ACCOUNTS, TIMEZONE, CURRENCY);

    private ExpectedTokens() {
    }

    static List<String> describe(IntervalSet expected, ParserRuleContext context, Token offending) {
        Set<Integer> types = new LinkedHashSet<>(expected.toList());
        boolean expression = types.contains(STRING) && types.contains(INTEGER_VALUE) && types.contains(IDENTIFIER);
        boolean name = !expression && types.contains(IDENTIFIER);
        boolean anyKeywordIsName = name && types.containsAll(RESERVED);
                boolean operators = !expression && types.contains(EQ) && types.contains(PLUS);
        boolean logicalInOperators = operators && types.contains(AND) && types.contains(OR);
        boolean arithmetic = !expression && !operators && types.contains(PLUS) && types.contains(ASTERISK)
                && types.contains(SLASH);
        boolean literal = !expression && !name && types.contains(STRING) && types.contains(INTEGER_VALUE)
                && types.contains(NULL);
        boolean clauses = types.stream().filter(CLAUSES::contains).count() > 4;

        Set<String> words = new LinkedHashSet<>();
        boolean endOfInput = false;
        for (int type : types) {
            if (type == Token.EOF) {
                endOfInput = true;
            } else if (expression && (EXPRESSION_START.contains(type) || NAMES.contains(type))) {
                words.add(expressionNoun(context, offending));
            } else if (name && (NAMES.contains(type) || anyKeywordIsName && RESERVED.contains(type))) {
                words.add(nameNoun(context));
            } else if (operators && (OPERATORS.contains(type) || logicalInOperators && (type == AND || type == OR))) {
                words.add("an operator");
            } else if (arithmetic && ARITHMETIC.contains(type)) {
                words.add("an arithmetic operator");
            } else if (literal && LITERALS.contains(type)) {
                words.add("a literal");
            } else if (clauses && CLAUSES.contains(type)) {
                words.add("another clause");
            } else {
                words.add(token(type));
            }
        }
        // Groups read best after the specific tokens.
        List<String> result = new ArrayList<>(words);
        for (String group : List.of("an operator", "an arithmetic operator", "another clause")) {
            if (result.remove(group)) {
                result.add(group);
            }
        }
        if (endOfInput) {
            result.add("end of input");
        }
        return result;
    }

    static String token(int type) {
        return switch (type) {
            case Token.EOF -> "end of input";
            case STRING -> "a string";
            case INTEGER_VALUE -> "an integer";
            case DECIMAL_VALUE -> "a decimal number";
            case PARAMETER -> "a parameter";
            case IDENTIFIER, QUOTED_IDENTIFIER -> "a name";
            case ORDER -> "'ORDER BY'";
            case PIVOT -> "'PIVOT BY'";
            case NEQ -> "'<>'";
            default -> {
                Vocabulary vocabulary = VOCABULARY;
                String literal = vocabulary.getLiteralName(type);
                yield literal != null ? literal.toUpperCase(Locale.ROOT) : vocabulary.getSymbolicName(type);
            }
        };
    }

    /** What an expression that has not started yet stands for, from the enclosing rules. */
    private static String expressionNoun(ParserRuleContext context, Token offending) {
        ParserRuleContext current = context;
        while (current != null && current.getStart() != null
                && current.getStart().getTokenIndex() >= offending.getTokenIndex()) {
            if (current instanceof SelectItemContext) {
                return itemNoun(current.getParent());
            }
            if (current instanceof SortItemContext) {
                return "a sort key";
            }
            current = current.getParent();
        }
        if (current == null) {
            return "an expression";
        }
        return current instanceof SubtotalsContext || current instanceof PivotClauseContext ? "a dimension"
                : current instanceof WhereClauseContext || current instanceof HavingClauseContext ? "a condition"
                : current instanceof DimensionsClauseContext || current instanceof MetricsClauseContext
                        || current instanceof OrderByClauseContext ? itemNoun(current)
                : "an expression";
    }

    private static String itemNoun(ParserRuleContext clause) {
        if (clause instanceof DimensionsClauseContext) {
            return "a dimension";
        }
        if (clause instanceof MetricsClauseContext) {
            return "a metric";
        }
        if (clause instanceof OrderByClauseContext) {
            return "a sort key";
        }
        return "an expression";
    }

    /** What a name that is expected stands for, from the enclosing rules. */
    private static String nameNoun(ParserRuleContext context) {
        for (ParserRuleContext current = context; current != null; current = current.getParent()) {
            if (current instanceof FromClauseContext) {
                return "a dataset name";
            }
            if (current instanceof SelectItemContext) {
                return "an alias";
            }
            if (current instanceof ParameterDeclarationContext declaration) {
                return declaration.name == null ? "a parameter name" : "a parameter type";
            }
            if (current instanceof ParametersClauseContext) {
                return "a parameter name";
            }
            if (current instanceof CompareClauseContext) {
                return "a comparison period";
            }
            if (current instanceof DuringContext) {
                return "a date range";
            }
            if (current instanceof NameExpressionContext) {
                return "a name";
            }
        }
        return "a name";
    }
}
