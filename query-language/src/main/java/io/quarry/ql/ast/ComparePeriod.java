package io.quarry.ql.ast;

/** The period a report is compared with. */
public enum ComparePeriod { PREVIOUS_PERIOD, SAME_PERIOD_LAST_YEAR }
