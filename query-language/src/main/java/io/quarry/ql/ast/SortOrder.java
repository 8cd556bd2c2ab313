package io.quarry.ql.ast;

/** Sort direction; {@code ASC} when not written. */
public enum SortOrder { ASC, DESC }
