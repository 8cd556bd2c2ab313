package io.quarry.ql.ast;

/** Any AST node. Every node knows where it came from. */
public sealed interface Node
        permits Report, Expression, SelectItem, SortItem, ParameterDeclaration, Totals,
                WhenClause, Identifier, CompareClause, TimeZoneClause,
                CurrencyClause {

    /** Where this node came from; ignored by equality. */
    SourceLocation location();
}
