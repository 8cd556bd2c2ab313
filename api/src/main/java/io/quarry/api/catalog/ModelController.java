package io.quarry.api.catalog;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.quarry.planner.model.Dimension;
import io.quarry.planner.model.Metric;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.model.TimeGrain;
import java.util.Comparator;

/** The model's catalog for report builders. */
@Controller("/api/v1/model")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ModelController {

    private final ModelCatalog catalog;

    ModelController(SemanticModel model) {
        this.catalog = new ModelCatalog(
                model.datasets().stream().sorted(Comparator.comparing(d -> d.name()))
                        .map(d -> new ModelCatalog.DatasetEntry(d.name(), d.description())).toList(),
                model.dimensions().values().stream().map(ModelController::dimension).toList(),
                model.metrics().values().stream().map(ModelController::metric).toList());
    }

    @Get
    public ModelCatalog catalog() {
        return catalog;
    }

    private static ModelCatalog.DimensionEntry dimension(Dimension d) {
        return new ModelCatalog.DimensionEntry(d.name(), d.label(), d.type().label(), d.format().label(),
                d.description(), d.grains().stream().sorted().map(TimeGrain::field).toList());
    }

    private static ModelCatalog.MetricEntry metric(Metric m) {
        return new ModelCatalog.MetricEntry(m.name(), m.label(), m.type().label(), m.format().label(), m.description(),
                m.dataset().orElse(null), m.isDerived());
    }
}
