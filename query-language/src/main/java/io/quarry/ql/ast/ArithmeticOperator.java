package io.quarry.ql.ast;

/** Binary arithmetic operators. */
public enum ArithmeticOperator {
    ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MODULUS("%");

    private final String symbol;

    ArithmeticOperator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in text. */
    public String symbol() {
        return symbol;
    }
}
