package io.quarry.ql;

import io.quarry.ql.ast.*;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A seeded generator of arbitrary valid ASTs, for round-trip properties. It deliberately produces
 * awkward cases: reserved and non-reserved keywords as names, names that need quoting, quotes and
 * newlines in strings, negations after operators, nested same-operator chains.
 */
final class RandomReports {

    private static final SourceLocation AT = SourceLocation.UNKNOWN;
    private static final String[] NAMES = {
        "campaign", "name", "spend", "clicks", "date", "week", "ad_set", "x", "_y2", "from", "order", "where",
        "and", "null", "true", "case", "end", "by", "asc", "desc", "first", "last", "nulls", "grand", "subtotals",
        "default", "during", "Campaign", "CPC", "two words", "quote\"d", "ünïcödé", "🙂", "1abc", "a-b", "it's",
        "line\nbreak"};
    private static final String[] PARAMETER_NAMES = {"from", "to", "status", "min_spend", "order", "_p1", "limit"};
    private static final String[] STRINGS = {"", "ACTIVE", "it's", "''", "\"", "a\nb", "tab\there", "%_", "héllo",
        "🙂 emoji", "back\\slash", "--not a comment", "/* nor this */", "\r\n"};
    private static final String[] FUNCTIONS = {"sum", "count", "avg", "min", "max", "nullif", "coalesce", "today",
        "date", "My Func", "case"};
    private static final String[] ZONES = {"UTC", "Europe/Helsinki", "America/New_York", "+02:00", "Asia/Kolkata"};
    private static final String[] CURRENCIES = {"EUR", "USD", "GBP"};

    private final Random random;

    RandomReports(long seed) {
        this.random = new Random(seed);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private String name() {
        return pick(NAMES);
    }

    Report report() {
        List<ParameterDeclaration> parameters = new ArrayList<>();
        if (chance(30)) {
            Set<String> names = new LinkedHashSet<>();
            int count = 1 + random.nextInt(3);
            while (names.size() < count) {
                names.add(pick(PARAMETER_NAMES));
            }
            for (String name : names) {
                ParameterType type = pick(ParameterType.values());
                parameters.add(new ParameterDeclaration(new Identifier(name, AT), type,
                        chance(50) ? Optional.of(defaultValue(type)) : Optional.empty(), AT));
            }
        }
        boolean dimensions = chance(70);
        boolean metrics = !dimensions || chance(70);
        return new Report(
                parameters,
                chance(30) ? Optional.of(new Identifier(name(), AT)) : Optional.empty(),
                dimensions ? items() : List.of(),
                metrics ? items() : List.of(),
                chance(50) ? Optional.of(expression(3)) : Optional.empty(),
                chance(30) ? Optional.of(expression(3)) : Optional.empty(),
                chance(40) ? list(3, () -> new SortItem(expression(2), pick(SortOrder.values()),
                        pick(NullOrdering.values()), AT)) : List.of(),
                chance(40) ? Optional.of(integerOrParameter()) : Optional.empty(),
                chance(20) ? Optional.of(integerOrParameter()) : Optional.empty(),
                chance(20) ? list(2, () -> expression(1)) : List.of(),
                chance(20) ? Optional.of(totals()) : Optional.empty(),
                chance(20) ? Optional.of(new CompareClause(pick(ComparePeriod.values()), AT)) : Optional.empty(),
                chance(20) ? list(3, this::integerOrParameter) : List.of(),
                chance(20) ? Optional.of(new TimeZoneClause(pick(ZONES), AT)) : Optional.empty(),
                chance(20) ? Optional.of(new CurrencyClause(pick(CURRENCIES), AT)) : Optional.empty(),
                AT);
    }

    private Totals totals() {
        boolean grand = chance(60);
        List<Expression> subtotals = !grand || chance(50) ? list(2, () -> expression(1)) : List.of();
        return new Totals(grand, subtotals, AT);
    }

    private Expression defaultValue(ParameterType type) {
        if (chance(10)) {
            return new NullLiteral(AT);
        }
        return switch (type) {
            case STRING -> new StringLiteral(pick(STRINGS), AT);
            case INTEGER -> maybeNegative(new IntegerLiteral(random.nextInt(1000), AT));
            case DECIMAL -> maybeNegative(chance(50) ? decimal() : new IntegerLiteral(random.nextInt(1000), AT));
            case BOOLEAN -> new BooleanLiteral(random.nextBoolean(), AT);
            case DATE -> date();
        };
    }

    private Expression maybeNegative(Expression value) {
        return chance(30) ? new Negative(value, AT) : value;
    }

    private IntegerOrParameter integerOrParameter() {
        return chance(70) ? new IntegerLiteral(random.nextInt(100_000), AT) : new Parameter(pick(PARAMETER_NAMES), AT);
    }

    private List<SelectItem> items() {
        return list(4, () -> new SelectItem(expression(2),
                chance(30) ? Optional.of(new Identifier(name(), AT)) : Optional.empty(), AT));
    }

    private <T> List<T> list(int max, Supplier<T> element) {
        int count = 1 + random.nextInt(max);
        List<T> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(element.get());
        }
        return result;
    }

    private DecimalLiteral decimal() {
        return new DecimalLiteral(BigDecimal.valueOf(random.nextInt(100_000), 1 + random.nextInt(4)), AT);
    }

    private DateLiteral date() {
        return new DateLiteral(LocalDate.of(1990 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                AT);
    }

    Expression expression(int depth) {
        if (depth <= 0 || chance(25)) {
            return leaf();
        }
        int next = depth - 1;
        switch (random.nextInt(15)) {
            case 0:
                return new Arithmetic(pick(ArithmeticOperator.values()), expression(next), expression(next), AT);
            case 1:
                return new Negative(expression(next), AT);
            case 2:
                return new Comparison(pick(ComparisonOperator.values()), expression(next), expression(next), AT);
            case 3:
                List<Expression> terms = new ArrayList<>(list(3, () -> expression(next)));
                terms.add(expression(next));
                return new Logical(pick(LogicalOperator.values()), terms, AT);
            case 4:
                return new Logical(pick(LogicalOperator.values()), List.of(expression(next), expression(next)), AT);
            case 5:
                return new Not(expression(next), AT);
            case 6:
                return new Between(expression(next), expression(next), expression(next), random.nextBoolean(), AT);
            case 7:
                return new InList(expression(next), list(3, () -> expression(next)), random.nextBoolean(), AT);
            case 8:
                return new Like(expression(next), expression(next), random.nextBoolean(), random.nextBoolean(), AT);
            case 9:
                return new IsNull(expression(next), random.nextBoolean(), AT);
            case 10:
                return new During(expression(next), pick(DateRange.values()), AT);
            case 11:
                return new Case(list(2, () -> new WhenClause(expression(next), expression(next), AT)),
                        chance(50) ? Optional.of(expression(next)) : Optional.empty(), AT);
            case 12:
                if (chance(20)) {
                    return new FunctionCall(pick(FUNCTIONS), false, true, List.of(), AT);
                }
                if (chance(20)) {
                    return new FunctionCall(pick(FUNCTIONS), false, false, List.of(), AT);
                }
                return new FunctionCall(pick(FUNCTIONS), chance(30), false, list(3, () -> expression(next)), AT);
            default:
                return leaf();
        }
    }

    private Expression leaf() {
        switch (random.nextInt(9)) {
            case 0:
                return new Parameter(pick(PARAMETER_NAMES), AT);
            case 1:
                return new StringLiteral(pick(STRINGS), AT);
            case 2:
                return new IntegerLiteral(chance(10) ? Long.MAX_VALUE : random.nextInt(10_000), AT);
            case 3:
                return decimal();
            case 4:
                return new BooleanLiteral(random.nextBoolean(), AT);
            case 5:
                return new NullLiteral(AT);
            case 6:
                return date();
            default:
                return new FieldRef(list(3, this::name), AT);
        }
    }
}
