package io.quarry.ql.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code sum(spend)}, {@code count(DISTINCT ad.id)}, {@code count(*)}, {@code today()}.
 *
 * @param name the function name, case-folded
 * @param distinct whether {@code DISTINCT} was written before the arguments
 * @param star whether the call was {@code name(*)}; then {@code arguments} is empty
 */
public record FunctionCall(
        String name, boolean distinct, boolean star, List<Expression> arguments, SourceLocation location)
        implements Expression {
    public FunctionCall {
        Objects.requireNonNull(name, "name");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(location, "location");
        if (star && (distinct || !arguments.isEmpty())) {
            throw new IllegalArgumentException("name(*) takes no other arguments");
        }
        if (distinct && arguments.isEmpty()) {
            throw new IllegalArgumentException("DISTINCT needs an argument");
        }
    }
}
