package io.quarry.ql.ast;

/** AND / OR. */
public enum LogicalOperator { AND, OR }
