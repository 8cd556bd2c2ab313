package io.quarry.planner.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Fail-closed checks on the parse tree itself.
 * <ul>
 *   <li>Completeness: every SELECT and every table in the tree must have been analysed by
 *   {@link QueryBlockScanner}; one in a position the scanner does not understand is reported
 *   rather than silently skipped.</li>
 *   <li>Known JSqlParser 5.3 defects: {@code x IN (1, 2) AND y = 1} is parsed as
 *   {@code x IN ((1, 2) AND y = 1)} (JSqlParser issues #2244, #2356), which would hide the
 *   real AND / OR structure. An IN whose right side is not a list, a subquery or a parameter
 *   is reported as unparseable.</li>
 * </ul>
 */
final class TreeAudit {

    private TreeAudit() {
    }

    static List<SafetyViolation> check(Select statement, Set<Object> scannedSelects, Set<Object> scannedTables) {
        List<SafetyViolation> out = new ArrayList<>();
        AstNodes.walk(statement, n -> !(n instanceof Column) && !(n instanceof AllTableColumns), node -> {
            if (node instanceof Select s && !scannedSelects.contains(s)) {
                out.add(new SafetyViolation(ViolationCode.UNPARSEABLE,
                        "subquery in a position the safety check does not analyse", Fragments.of(s)));
            } else if (node instanceof Table t && !scannedTables.contains(t)) {
                out.add(new SafetyViolation(ViolationCode.UNPARSEABLE,
                        "table " + ParsedNames.normalize(t.getName()) + " in a position the safety check does not analyse",
                        Fragments.of(t)));
            } else if (node instanceof InExpression in && !wellFormed(in)) {
                out.add(new SafetyViolation(ViolationCode.UNPARSEABLE,
                        "JSqlParser 5.3 mis-parses an IN list followed by AND/OR (it reads x IN ((...) AND ...));"
                                + " wrap the IN predicate in parentheses or use = ANY(?)", Fragments.of(in)));
            }
        });
        return out;
    }

    private static boolean wellFormed(InExpression in) {
        Object right = in.getRightExpression();
        return right instanceof ExpressionList<?> || right instanceof Select
                || right instanceof JdbcParameter || right instanceof JdbcNamedParameter;
    }
}
