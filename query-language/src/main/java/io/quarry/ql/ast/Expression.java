package io.quarry.ql.ast;

/** A value or condition: a field, literal, parameter, function call or operator application. */
public sealed interface Expression extends Node
        permits FieldRef, IntegerOrParameter, StringLiteral, DecimalLiteral, BooleanLiteral,
                NullLiteral, DateLiteral, FunctionCall, Arithmetic, Negative, Comparison, Logical,
                Not, Between, InList, Like, IsNull, During, Case {
}
