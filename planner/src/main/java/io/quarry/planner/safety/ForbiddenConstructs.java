package io.quarry.planner.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Rules 7, 9, 11 and 12: constructs that are unsafe wherever they appear, found by one walk over
 * the whole tree (every CTE and subquery included).
 */
final class ForbiddenConstructs {

    private static final Set<String> TIME_FUNCTIONS = Set.of("now", "transaction_timestamp",
            "statement_timestamp", "clock_timestamp", "timeofday", "current_timestamp", "current_date",
            "current_time", "localtimestamp", "localtime");
    /** Special date/time input strings PostgreSQL evaluates at run time. */
    private static final Set<String> TIME_INPUTS = Set.of("now", "today", "tomorrow", "yesterday");
    /**
     * Types whose date_trunc does not depend on the session time zone. Not {@code date}: a date
     * argument resolves to the {@code timestamptz} variant.
     */
    private static final Set<String> ZONELESS_TYPES = Set.of("timestamp", "timestamp without time zone", "interval");

    private ForbiddenConstructs() {
    }

    static List<SafetyViolation> check(Select statement) {
        List<SafetyViolation> out = new ArrayList<>();
        AstNodes.walk(statement, n -> !(n instanceof Column), node -> visit(node, out));
        return out;
    }

    private static void visit(Object node, List<SafetyViolation> out) {
        if (node instanceof WithItem<?> item && item.isRecursive()) {
            out.add(new SafetyViolation(ViolationCode.RECURSIVE_CTE,
                    "WITH RECURSIVE " + ParsedNames.normalize(item.getAliasName())
                            + " is not supported in multi-shard queries", Fragments.of(item)));
        } else if (node instanceof Select select && select.getForMode() != null) {
            String mode = "FOR " + select.getForMode().getValue();
            out.add(new SafetyViolation(ViolationCode.ROW_LOCKING,
                    mode + " locks rows; reports must not lock", mode));
        } else if (node instanceof TimeKeyExpression key) {
            timeFunction(key.getStringValue(), key, out);
        } else if (node instanceof Column c && Columns.isTimeKeyword(c)) {
            timeFunction(c.getColumnName(), c, out);
        } else if (node instanceof Function f && f.getName() != null) {
            String name = ParsedNames.normalize(f.getName());
            if (TIME_FUNCTIONS.contains(name)) {
                timeFunction(name, f, out);
            } else if ("date_trunc".equals(name)) {
                dateTrunc(f, out);
            }
        } else if (node instanceof CastExpression cast
                && Conjuncts.unwrap(cast.getLeftExpression()) instanceof StringValue s
                && TIME_INPUTS.contains(s.getValue().trim().toLowerCase(Locale.ROOT))) {
            timeFunction("'" + s.getValue() + "'", cast, out);
        } else if (node instanceof DateTimeLiteralExpression literal && literal.getValue() != null
                && TIME_INPUTS.contains(literal.getValue().replace("'", "").trim().toLowerCase(Locale.ROOT))) {
            timeFunction(literal.getValue(), literal, out);
        }
    }

    private static void timeFunction(String name, Object node, List<SafetyViolation> out) {
        out.add(new SafetyViolation(ViolationCode.UNBOUND_TIME_FUNCTION,
                Fragments.of(node) + " is sent unevaluated to the workers; bind the time bound as a parameter",
                Fragments.of(node)));
    }

    private static void dateTrunc(Function f, List<SafetyViolation> out) {
        if (f.getParameters() == null || f.getParameters().size() != 2) {
            return;
        }
        Expression bare = Conjuncts.unwrap(f.getParameters().get(1));
        boolean zoneDependent;
        if (bare instanceof Column) {
            zoneDependent = true;
        } else if (bare instanceof CastExpression cast && Conjuncts.unwrap(cast.getLeftExpression()) instanceof Column) {
            String type = cast.getColDataType().toString().trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            zoneDependent = !ZONELESS_TYPES.contains(type);
        } else {
            zoneDependent = false;
        }
        if (zoneDependent) {
            out.add(new SafetyViolation(ViolationCode.TIME_BUCKET_WITHOUT_ZONE,
                    Fragments.of(f) + " buckets in the workers' time zone (UTC); pass the zone: "
                            + "date_trunc(<unit>, <column>, ?)", Fragments.of(f)));
        }
    }
}
