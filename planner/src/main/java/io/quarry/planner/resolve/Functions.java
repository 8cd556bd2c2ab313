package io.quarry.planner.resolve;

import static java.util.Map.entry;

import io.quarry.planner.model.ColumnType;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.FunctionCall;
import io.quarry.ql.ast.IntegerLiteral;
import io.quarry.ql.ast.Negative;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The scalar functions reports may call, with their arities, argument types and result types:
 * the one table every call is checked against, inside aggregates ({@code sum(abs(spend))}) and
 * over aggregated values ({@code round(sum(spend), 2)}), so that PostgreSQL never sees a call it
 * refuses. Places and lengths ({@code round(x, 2)}, {@code substr(s, 1, 3)}) are whole-number
 * literals, bound as {@code integer}: PostgreSQL has no {@code round(numeric, numeric)}.
 */
public final class Functions {

    /** The most decimal places {@code round} takes, either way. */
    public static final int MAX_PLACES = 1_000;

    /** The functions a metric may apply to aggregated values. */
    static final Set<String> OVER_METRICS = Set.of("nullif", "coalesce", "abs", "round", "greatest", "least");

    private enum Shape {
        /** (string) -> string. */
        TEXT,
        /** (string) -> integer. */
        LENGTH,
        /** (string, start[, length]) -> string. */
        SUBSTRING,
        /** (anything, ...) -> string. */
        CONCAT,
        /** (T, T, ...) -> T. */
        SAME,
        /** (number) -> that number. */
        NUMBER,
        /** (number[, places]) -> decimal. */
        ROUND
    }

    private record Signature(int min, int max, Shape shape) {
    }

    private static final Map<String, Signature> ALL = Map.ofEntries(
            entry("lower", new Signature(1, 1, Shape.TEXT)), entry("upper", new Signature(1, 1, Shape.TEXT)),
            entry("trim", new Signature(1, 1, Shape.TEXT)), entry("length", new Signature(1, 1, Shape.LENGTH)),
            entry("substr", new Signature(2, 3, Shape.SUBSTRING)), entry("concat", new Signature(1, 100, Shape.CONCAT)),
            entry("coalesce", new Signature(1, 100, Shape.SAME)), entry("greatest", new Signature(1, 100, Shape.SAME)),
            entry("least", new Signature(1, 100, Shape.SAME)), entry("nullif", new Signature(2, 2, Shape.SAME)),
            entry("abs", new Signature(1, 1, Shape.NUMBER)), entry("round", new Signature(1, 2, Shape.ROUND)));

    private Functions() {
    }

    public static boolean known(String name) {
        return ALL.containsKey(name);
    }

    /** Every function name, sorted. */
    static List<String> names() {
        return ALL.keySet().stream().sorted().toList();
    }

    /**
     * Checks a call of a known function whose arguments have the given types (null: the NULL
     * literal) and returns the type of its result (null when that is NULL whatever happens).
     */
    static ColumnType check(FunctionCall call, List<ColumnType> types) {
        Signature signature = ALL.get(call.name());
        int count = types.size();
        if (count < signature.min() || count > signature.max()) {
            throw new PlanningException(PlanningError.ARGUMENT_COUNT, call.name() + "() takes " + arity(signature)
                    + ", not " + count, call.location());
        }
        List<Expression> arguments = call.arguments();
        String name = call.name() + "()";
        return switch (signature.shape()) {
            case TEXT, LENGTH -> {
                requireString(name, types.get(0), arguments.get(0));
                yield signature.shape() == Shape.TEXT ? ColumnType.STRING : ColumnType.INTEGER;
            }
            case SUBSTRING -> {
                requireString(name, types.get(0), arguments.get(0));
                for (int i = 1; i < count; i++) {
                    OptionalLong value = integerConstant(arguments.get(i));
                    if (value.isEmpty() || value.getAsLong() != (int) value.getAsLong() || (i == 2 && value.getAsLong() < 0)) {
                        throw new PlanningException(PlanningError.TYPE_MISMATCH, "substr() takes its start and length"
                                + " as whole numbers, the length not negative, such as substr(x, 1, 3)",
                                arguments.get(i).location());
                    }
                }
                yield ColumnType.STRING;
            }
            case CONCAT -> ColumnType.STRING;
            case SAME -> {
                ColumnType common = null;
                for (int i = 0; i < count; i++) {
                    if (!Types.compatible(common, types.get(i))) {
                        throw new PlanningException(PlanningError.TYPE_MISMATCH, name + " arguments must have one type,"
                                + " not " + Types.label(common) + " and " + Types.label(types.get(i)),
                                arguments.get(i).location());
                    }
                    common = Types.common(common, types.get(i));
                }
                yield common;
            }
            case NUMBER, ROUND -> {
                Types.requireNumber(name + " needs a number", types.get(0), arguments.get(0));
                if (count == 2 && places(arguments.get(1)).isEmpty()) {
                    throw new PlanningException(PlanningError.TYPE_MISMATCH, "round() takes its decimal places as a"
                            + " whole number from -" + MAX_PLACES + " to " + MAX_PLACES + ", such as round(x, 2)",
                            arguments.get(1).location());
                }
                yield signature.shape() == Shape.ROUND || types.get(0) == null ? ColumnType.DECIMAL : types.get(0);
            }
        };
    }

    /** The decimal places of {@code round(x, places)}, when they are a whole number in range. */
    public static OptionalLong places(Expression places) {
        OptionalLong value = integerConstant(places);
        return value.isPresent() && Math.abs(value.getAsLong()) <= MAX_PLACES ? value : OptionalLong.empty();
    }

    /** The value of a whole-number literal, possibly negated. */
    public static OptionalLong integerConstant(Expression expression) {
        if (expression instanceof IntegerLiteral literal) {
            return OptionalLong.of(literal.value());
        }
        if (expression instanceof Negative negative && negative.operand() instanceof IntegerLiteral literal) {
            return OptionalLong.of(-literal.value());
        }
        return OptionalLong.empty();
    }

    private static void requireString(String name, ColumnType type, Expression where) {
        if (type != null && type != ColumnType.STRING) {
            throw new PlanningException(PlanningError.TYPE_MISMATCH, name + " needs a string, not " + Types.label(type),
                    where.location());
        }
    }

    private static String arity(Signature signature) {
        if (signature.min() == signature.max()) {
            return signature.min() + (signature.min() == 1 ? " argument" : " arguments");
        }
        return signature.min() + (signature.max() == signature.min() + 1 ? " or " : " to ") + signature.max()
                + " arguments";
    }
}
