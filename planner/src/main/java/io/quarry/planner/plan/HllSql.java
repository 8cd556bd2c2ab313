package io.quarry.planner.plan;

import io.quarry.planner.sql.SqlExpr;

/**
 * Distinct counts as HyperLogLog sketches (the hll extension): values are hashed with
 * {@code hll_hash_any} (by their type, so the facts and a rollup's sketches hash alike), sketches
 * built with {@code hll_add_agg} at a fixed size and merged with {@code hll_union_agg}, never by adding
 * cardinalities. The count is the sketch's cardinality rounded to a whole number, 0 for no rows.
 */
public final class HllSql {

    /**
     * log2 of a sketch's registers: 2^14 registers give a standard error of 1.04 / sqrt(2^14) =
     * 0.8% (the extension's default, 2^11, gives 2.3%, too much for a 2% bound). Sketches merge
     * only with sketches of the same size, so every sketch Quarry builds has this one.
     */
    static final int LOG2M = 14;

    private HllSql() {
    }

    /** A sketch of the values' hashes: {@code hll_add_agg(hash, log2m)}. */
    public static SqlExpr sketch(SqlExpr value) {
        return SqlExpr.Function.of("hll_add_agg", hash(value), new SqlExpr.IntegerConstant(LOG2M));
    }

    private static SqlExpr hash(SqlExpr value) {
        return SqlExpr.Function.of("hll_hash_any", value);
    }

    /** A sketch's cardinality as a bigint; 0 where the sketch is NULL (no rows). */
    static SqlExpr cardinality(SqlExpr sketch) {
        return new SqlExpr.Cast(SqlExpr.Function.of("coalesce", SqlExpr.Function.of("round",
                SqlExpr.Function.of("hll_cardinality", sketch)), new SqlExpr.IntegerConstant(0)), "bigint");
    }
}
