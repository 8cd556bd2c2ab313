package io.quarry.ql.internal;

import io.quarry.ql.ast.BooleanLiteral;
import io.quarry.ql.ast.DateLiteral;
import io.quarry.ql.ast.DecimalLiteral;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.IntegerLiteral;
import io.quarry.ql.ast.Negative;
import io.quarry.ql.ast.NullLiteral;
import io.quarry.ql.ast.ParameterType;
import io.quarry.ql.ast.StringLiteral;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Fixed word lists of the language and checks shared by both forms. Internal. */
public final class Vocabulary {

    /** What a parameter name must look like, so that {@code :name} can reference it. */
    public static final Pattern PARAMETER_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private Vocabulary() {
    }

    /** Case-insensitive lookup of an enum constant by name. */
    public static <E extends Enum<E>> Optional<E> lookup(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(name)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** The constants' names, for "expected" lists. */
    public static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    /** Whether {@code zoneId} is a time zone {@link ZoneId#of} accepts. */
    /** Whether {@code code} has the shape of an ISO 4217 currency code: three capital letters. */
    public static boolean isCurrency(String code) {
        return code.length() == 3 && code.chars().allMatch(c -> c >= 'A' && c <= 'Z');
    }

    public static boolean isTimeZone(String zoneId) {
        try {
            ZoneId.of(zoneId);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /**
     * Checks a parameter default against the declared type.
     *
     * @return the problem in words, or empty when the default fits
     */
    public static Optional<String> defaultProblem(ParameterType type, Expression value) {
        if (value instanceof NullLiteral) {
            return Optional.empty();
        }
        Expression unsigned = value instanceof Negative negative ? negative.operand() : value;
        boolean numeric = unsigned instanceof IntegerLiteral || unsigned instanceof DecimalLiteral;
        if (value instanceof Negative && !numeric) {
            return Optional.of("a parameter default must be a literal");
        }
        boolean fits = switch (type) {
            case STRING -> value instanceof StringLiteral;
            case INTEGER -> unsigned instanceof IntegerLiteral;
            case DECIMAL -> numeric;
            case BOOLEAN -> value instanceof BooleanLiteral;
            case DATE -> value instanceof DateLiteral;
        };
        if (fits) {
            return Optional.empty();
        }
        boolean literal = numeric || value instanceof StringLiteral || value instanceof BooleanLiteral
                || value instanceof DateLiteral;
        return Optional.of(literal
                ? "default does not match type " + type + "; expected " + describe(type)
                : "a parameter default must be a literal");
    }

    private static String describe(ParameterType type) {
        return switch (type) {
            case STRING -> "a string";
            case INTEGER -> "an integer";
            case DECIMAL -> "a number";
            case BOOLEAN -> "TRUE or FALSE";
            case DATE -> "a DATE literal";
        };
    }

    /** Lower-cases an unquoted name the way the language folds identifiers. */
    public static String fold(String unquoted) {
        return unquoted.toLowerCase(Locale.ROOT);
    }
}
