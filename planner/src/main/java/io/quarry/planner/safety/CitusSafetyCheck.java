package io.quarry.planner.safety;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.statement.select.Select;

/**
 * The independent Citus-safety check: parses a generated SQL statement (with {@code ?} bind
 * placeholders) with JSqlParser, independently of the generator's own SQL tree, and reports
 * every construct that is unsafe in a multi-shard Citus query. It fails closed: SQL that cannot
 * be parsed, is not a single SELECT, or contains a construct the check does not understand is a
 * violation.
 *
 * <p>Instances are stateless and thread-safe; one instance can serve every request.
 *
 * <pre>{@code
 * SafetyPolicy policy = SafetyPolicy.of(Set.of("ad_stats_daily", "campaigns"), Set.of("countries"));
 * new CitusSafetyCheck().requireSafe(sql, policy);
 * }</pre>
 */
public final class CitusSafetyCheck {

    /** Every violation in {@code sql}; empty when it is safe. */
    public List<SafetyViolation> check(String sql, SafetyPolicy policy) {
        StatementParser.Parsed parsed = StatementParser.parse(sql);
        if (parsed.select().isEmpty()) {
            return List.of(parsed.failure());
        }
        Select statement = parsed.select().get();
        Set<SafetyViolation> out = new LinkedHashSet<>();
        try {
            QueryBlockScanner.Result scan = QueryBlockScanner.scan(statement, policy);
            out.addAll(TreeAudit.check(statement, scan.scannedSelects(), scan.scannedTables()));
            out.addAll(scan.violations());
            for (QueryBlock block : scan.blocks()) {
                out.addAll(TenantFilterRule.check(block, policy));
                out.addAll(JoinEqualityRule.check(block, policy));
                out.addAll(GroupingSetsRule.check(block));
                out.addAll(OuterJoinRule.check(block));
            }
            out.addAll(SubqueryRule.check(scan.subqueries()));
            out.addAll(ForbiddenConstructs.check(statement));
        } catch (RuntimeException | StackOverflowError e) {
            out.add(new SafetyViolation(ViolationCode.UNPARSEABLE,
                    "the safety check could not analyse the statement: " + e, Fragments.of(sql)));
        }
        // When part of the tree is unsupported or known to be mis-parsed, the other findings are
        // unreliable (in either direction): report only why the statement cannot be checked.
        List<SafetyViolation> unparseable = out.stream().filter(v -> v.code() == ViolationCode.UNPARSEABLE).toList();
        return unparseable.isEmpty() ? List.copyOf(out) : unparseable;
    }

    /** Throws {@link UnsafeSqlException} listing every violation unless {@code sql} is safe. */
    public void requireSafe(String sql, SafetyPolicy policy) {
        List<SafetyViolation> violations = check(sql, policy);
        if (!violations.isEmpty()) {
            throw new UnsafeSqlException(violations);
        }
    }
}
