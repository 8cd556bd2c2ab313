package io.quarry.planner.plan;

import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.model.Table;
import io.quarry.planner.safety.SafetyPolicy;

/** The Citus-safety policy of a model: its tenant tables, its reference tables, its distribution column. */
public final class ModelSafetyPolicy {

    private ModelSafetyPolicy() {
    }

    public static SafetyPolicy of(SemanticModel model) {
        return new SafetyPolicy(
                model.tables().stream().filter(Table::tenant).map(Table::name).collect(java.util.stream.Collectors.toSet()),
                model.tables().stream().filter(t -> !t.tenant()).map(Table::name).collect(java.util.stream.Collectors.toSet()),
                model.distributionColumn());
    }
}
