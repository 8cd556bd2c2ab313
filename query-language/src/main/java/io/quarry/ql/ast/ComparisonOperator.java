package io.quarry.ql.ast;

/** Comparison operators; {@code !=} is read as {@code <>}. */
public enum ComparisonOperator {
    EQUAL("="), NOT_EQUAL("<>"), LESS_THAN("<"), LESS_THAN_OR_EQUAL("<="), GREATER_THAN(">"),
    GREATER_THAN_OR_EQUAL(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in canonical text. */
    public String symbol() {
        return symbol;
    }
}
