package io.quarry.planner.safety;

/**
 * What a {@link SafetyViolation} is about. Each code maps to a construct Citus rejects (or
 * mis-executes) in a multi-shard query; docs/citus.md lists them.
 */
public enum ViolationCode {
    /** A read of a tenant table without a top-level {@code alias.account_id = ANY(?)} conjunct in its block's WHERE. */
    MISSING_TENANT_FILTER,
    /** The tenant filter compares with a literal, casts the column, or uses BETWEEN / IN: no bound, prunable filter. */
    TENANT_FILTER_NOT_BOUND,
    /** A join of two tenant-derived relations without {@code a.account_id = b.account_id} in its ON (or WHERE for comma joins). */
    JOIN_WITHOUT_ACCOUNT_EQUALITY,
    /** GROUPING SETS, ROLLUP, CUBE or GROUPING() in a block reading a tenant-derived relation. */
    GROUPING_SETS_ON_DISTRIBUTED,
    /** A subquery in the SELECT list (or ORDER BY / GROUP BY / DISTINCT ON / WINDOW) of a block reading tenant data. */
    SCALAR_SUBQUERY_IN_SELECT,
    /** EXISTS / IN (SELECT) / scalar subquery in WHERE, HAVING or ON of a block reading tenant data. */
    SUBQUERY_IN_FILTER,
    /** {@code WITH RECURSIVE}. */
    RECURSIVE_CTE,
    /** A subquery in LIMIT, OFFSET or FETCH. */
    SUBQUERY_IN_LIMIT,
    /** FOR UPDATE / FOR NO KEY UPDATE / FOR SHARE / FOR KEY SHARE. */
    ROW_LOCKING,
    /** A block with an outer join whose WHERE has a conjunct that references no column of the block. */
    OUTER_JOIN_PSEUDOCONSTANT_QUAL,
    /** now(), current_date, current_timestamp, localtimestamp, transaction_timestamp(), ... or {@code 'now'::timestamp}. */
    UNBOUND_TIME_FUNCTION,
    /** Two-argument {@code date_trunc} over a column: buckets at UTC on the workers. */
    TIME_BUCKET_WITHOUT_ZONE,
    /** A table that is neither a tenant table, a reference table nor a CTE in scope (fail closed). */
    UNKNOWN_TABLE,
    /** JSqlParser failed, its tree is known to be wrong, or the statement is not one plain SELECT. */
    UNPARSEABLE,
    /**
     * JSqlParser did not finish within its budget (deeply nested parentheses): not known to be
     * unsafe, but not checked, so not run. The report is too complex, not the planner wrong.
     */
    TOO_COMPLEX
}
