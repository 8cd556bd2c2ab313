package io.quarry.planner.plan;

import io.quarry.planner.model.Rollup;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.model.Table;
import io.quarry.planner.safety.SafetyPolicy;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Citus-safety policy of a model: its tenant tables (rollups among them), its reference
 * tables, its distribution column.
 */
public final class ModelSafetyPolicy {

    private ModelSafetyPolicy() {
    }

    public static SafetyPolicy of(SemanticModel model) {
        return new SafetyPolicy(
                Stream.concat(model.tables().stream().filter(Table::tenant).map(Table::name),
                        model.rollups().stream().map(Rollup::name)).collect(Collectors.toSet()),
                model.tables().stream().filter(t -> !t.tenant()).map(Table::name).collect(Collectors.toSet()),
                model.distributionColumn());
    }
}
