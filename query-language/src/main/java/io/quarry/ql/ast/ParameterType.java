package io.quarry.ql.ast;

/** The declared type of a report parameter. */
public enum ParameterType { STRING, INTEGER, DECIMAL, BOOLEAN, DATE }
