package io.quarry.planner.safety;

import java.util.Set;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.schema.Column;

/** Small predicates over column references and bind parameters. */
final class Columns {

    /** Unquoted identifiers PostgreSQL reads as SQL-standard time functions, which JSqlParser may parse as columns. */
    static final Set<String> TIME_KEYWORDS =
            Set.of("current_date", "current_time", "current_timestamp", "localtime", "localtimestamp");

    private static final Set<String> BIGINT_ARRAY_TYPES = Set.of("bigint[]", "int8[]");
    private static final Set<String> BIGINT_TYPES = Set.of("bigint", "int8");

    private Columns() {
    }

    /** The qualifier of a column ({@code s} in {@code s.account_id}, {@code ads} in {@code public.ads.x}); null if none. */
    static String qualifier(Column column) {
        String table = column.getTableName();
        return table == null || table.isEmpty() ? null : ParsedNames.normalize(column.getTable().getName());
    }

    static String name(Column column) {
        return ParsedNames.normalize(column.getColumnName());
    }

    /**
     * Whether the expression is a bare reference to {@code column} of the relation named
     * {@code qualifier}; an unqualified reference counts only if {@code unqualifiedAllowed}.
     */
    static boolean isColumnOf(Expression e, String column, String qualifier, boolean unqualifiedAllowed) {
        if (!(Conjuncts.unwrap(e) instanceof Column c) || !column.equals(name(c))) {
            return false;
        }
        String q = qualifier(c);
        return q == null ? unqualifiedAllowed : q.equals(qualifier);
    }

    /** Whether a column reference is really an unquoted SQL time keyword such as {@code localtimestamp}. */
    static boolean isTimeKeyword(Column c) {
        return qualifier(c) == null && !ParsedNames.isQuoted(c.getColumnName())
                && TIME_KEYWORDS.contains(name(c));
    }

    /** {@code ?}, {@code :name}, {@code ?::bigint[]} or {@code CAST(? AS bigint[])}. */
    static boolean isBoundArray(Expression e) {
        return isBound(e, BIGINT_ARRAY_TYPES);
    }

    /** {@code ?}, {@code :name}, {@code ?::bigint} or {@code CAST(? AS bigint)}. */
    static boolean isBoundScalar(Expression e) {
        return isBound(e, BIGINT_TYPES);
    }

    private static boolean isBound(Expression e, Set<String> castTypes) {
        Expression x = Conjuncts.unwrap(e);
        if (x instanceof JdbcParameter || x instanceof JdbcNamedParameter) {
            return true;
        }
        return x instanceof CastExpression cast
                && (Conjuncts.unwrap(cast.getLeftExpression()) instanceof JdbcParameter
                    || Conjuncts.unwrap(cast.getLeftExpression()) instanceof JdbcNamedParameter)
                && cast.getColDataType() != null
                && castTypes.contains(cast.getColDataType().toString().replace(" ", "").toLowerCase());
    }
}
