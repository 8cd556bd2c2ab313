package io.quarry.ql.ast;

/** Where NULLs sort; {@code UNSPECIFIED} leaves it to the database default. */
public enum NullOrdering { UNSPECIFIED, FIRST, LAST }
