package io.quarry.ql.ast;

/** A value of LIMIT, OFFSET or ACCOUNTS: an integer literal or a named parameter. */
public sealed interface IntegerOrParameter extends Expression permits IntegerLiteral, Parameter {
}
