package io.quarry.ql.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * A declared parameter: {@code from DATE DEFAULT DATE '2026-01-01'}.
 *
 * @param defaultValue a literal (possibly a negated number) of the declared type, or NULL
 */
public record ParameterDeclaration(
        Identifier name, ParameterType type, Optional<Expression> defaultValue, SourceLocation location)
        implements Node {
    public ParameterDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(location, "location");
    }
}
