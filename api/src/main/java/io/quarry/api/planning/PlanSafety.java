package io.quarry.api.planning;

import io.quarry.api.metrics.QuarryMetrics;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.plan.ModelSafetyPolicy;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.safety.CitusSafetyCheck;
import io.quarry.planner.sql.RenderedSql;
import io.quarry.planner.safety.SafetyPolicy;
import io.quarry.planner.safety.SafetyViolation;
import io.quarry.planner.safety.ViolationCode;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second wall: every newly planned statement passes the independent Citus-safety check
 * (every tenant table filtered by account, account_id in every tenant join, no construct Citus
 * refuses) before it may run, in production as in the tests. Plans are cached after the check,
 * so a repeated report pays nothing. A statement that fails is never run: it is logged, counted
 * ({@code quarry_safety_refused_total}, alert on any) and answered with a 500 problem that
 * names no SQL. A statement too deeply nested for the check to parse within its budget is not
 * run either, but that is the report's complexity, not a planner bug: a 422.
 */
@Singleton
public final class PlanSafety {

    private static final Logger LOG = LoggerFactory.getLogger(PlanSafety.class);

    private final CitusSafetyCheck check = new CitusSafetyCheck();
    private final SafetyPolicy policy;
    private final QuarryMetrics metrics;

    PlanSafety(SemanticModel model, QuarryMetrics metrics) {
        this.policy = ModelSafetyPolicy.of(model);
        this.metrics = metrics;
    }

    /** The plan, if its statement passes the check; else {@link UnsafePlanException}. */
    public PlannedQuery require(PlannedQuery query) {
        require(query.sql());
        return query;
    }

    /** The statement, if it passes the check; else {@link UnsafePlanException}. */
    public RenderedSql require(RenderedSql sql) {
        List<SafetyViolation> violations = check.check(sql.sql(), policy);
        if (!violations.isEmpty() && violations.stream().allMatch(v -> v.code() == ViolationCode.TOO_COMPLEX)) {
            throw new ReportTooComplexException();
        }
        if (!violations.isEmpty()) {
            metrics.unsafePlan();
            LOG.error("A planned statement failed the safety check and was not run: {}", violations);
            throw new UnsafePlanException(violations.stream().map(v -> v.code().name()).distinct().toList());
        }
        return sql;
    }

    /** A planned statement failed the safety check: a bug in the planner, never the caller's fault. */
    public static final class UnsafePlanException extends RuntimeException {
        private final transient List<String> codes;

        UnsafePlanException(List<String> codes) {
            super("the planned statement failed the safety check: " + codes);
            this.codes = List.copyOf(codes);
        }

        public List<String> codes() {
            return codes;
        }
    }

    /** The statement was too deeply nested for the safety check to parse within its budget. */
    public static final class ReportTooComplexException extends RuntimeException {
        ReportTooComplexException() {
            super("the planned statement is too deeply nested for the safety check");
        }
    }
}
