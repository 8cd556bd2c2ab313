package io.quarry.api.planning;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.quarry.planner.model.ModelLoader;
import io.quarry.planner.model.SemanticModel;
import io.quarry.api.rollups.HllExtension;
import io.quarry.planner.plan.Planner;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The semantic model and the planner. The model is loaded and validated at startup, so an
 * invalid model stops Quarry with every problem listed instead of failing on the first report.
 */
@Factory
public class PlannerFactory {

    private static final Logger LOG = LoggerFactory.getLogger(PlannerFactory.class);

    @Context
    @Singleton
    SemanticModel semanticModel(ModelConfiguration configuration) {
        SemanticModel model = configuration.path() == null
                ? ModelLoader.defaultModel()
                : ModelLoader.load(configuration.path());
        LOG.info("Semantic model {}: {} datasets, {} dimensions, {} metrics",
                configuration.path() == null ? "(shipped)" : configuration.path(), model.datasets().size(),
                model.dimensions().size(), model.metrics().size());
        return model;
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The planner; approximate distinct counts are hll sketches when the database has the extension. */
    @Singleton
    Planner planner(SemanticModel model, Clock clock, LimitsConfiguration limits, HllExtension hll) {
        return new Planner(model, clock, limits.plannerLimits(), hll.installed());
    }
}
