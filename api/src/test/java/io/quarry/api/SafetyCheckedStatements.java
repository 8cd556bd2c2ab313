package io.quarry.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.quarry.api.reports.StatementCheck;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.plan.ModelSafetyPolicy;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.safety.CitusSafetyCheck;
import io.quarry.planner.safety.SafetyPolicy;
import jakarta.inject.Singleton;

/** In tests, every statement the API runs first passes the independent Citus-safety check. */
@Singleton
@Requires(env = Environment.TEST)
final class SafetyCheckedStatements implements StatementCheck {

    private final CitusSafetyCheck check = new CitusSafetyCheck();
    private final SafetyPolicy policy;

    SafetyCheckedStatements(SemanticModel model) {
        this.policy = ModelSafetyPolicy.of(model);
    }

    @Override
    public void check(PlannedQuery query) {
        check.requireSafe(query.sql().sql(), policy);
    }
}
