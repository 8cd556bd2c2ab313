package io.quarry.api.catalog;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.quarry.planner.model.Dimension;
import io.quarry.planner.model.Metric;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.model.TimeGrain;
import io.quarry.api.auth.Caller;
import io.quarry.api.problem.Problem;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Optional;

/** The model's catalog for report builders. */
@Controller("/api/v1/model")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ApiResponse(responseCode = "401", ref = Problem.UNAUTHORIZED)
public class ModelController {

    private final ModelCatalog catalog;
    private final DimensionValues values;

    ModelController(SemanticModel model, DimensionValues values) {
        this.values = values;
        this.catalog = new ModelCatalog(
                model.datasets().stream().sorted(Comparator.comparing(d -> d.name()))
                        .map(d -> new ModelCatalog.DatasetEntry(d.name(), d.description())).toList(),
                model.dimensions().values().stream().map(ModelController::dimension).toList(),
                model.metrics().values().stream().map(ModelController::metric).toList());
    }

    /** The model's datasets, dimensions (with their time grains) and metrics. */
    @ApiResponse(responseCode = "200", description = "The catalog", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelCatalog.class)))
    @Get
    public ModelCatalog catalog(@Parameter(hidden = true) Caller caller) {
        return catalog; // the same for every caller; binding one refuses a token that may read nothing (403)
    }

    /**
     * The values of a dimension in the caller's accounts, for filter pickers: those containing
     * {@code search} (case-insensitive), in order, at most {@code limit}; {@code truncated} says
     * more match. A dataset's dimension (event.name) lists the values of the last 90 days.
     */
    @ApiResponse(responseCode = "200", description = "The values", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DimensionValues.Answer.class)))
    @ApiResponse(responseCode = "400", description = "limit out of range (1 to 1000)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", ref = Problem.FORBIDDEN)
    @ApiResponse(responseCode = "422", description = "No such dimension, or one without values to list (located,"
            + " with suggestions)", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", ref = Problem.TOO_MANY_REPORTS)
    @ApiResponse(responseCode = "500", ref = Problem.SERVER_ERROR)
    @ApiResponse(responseCode = "503", ref = Problem.DATABASE_UNAVAILABLE)
    @ApiResponse(responseCode = "504", ref = Problem.STATEMENT_TIMEOUT)
    @Get("/dimensions/{name}/values")
    public DimensionValues.Answer values(@PathVariable String name, @QueryValue @Nullable String search,
                                         @QueryValue(defaultValue = "100") @Min(1) @Max(DimensionValues.MAX_LIMIT)
                                         int limit, @Parameter(hidden = true) Caller caller) throws SQLException {
        return values.values(name, Optional.ofNullable(search), limit, caller);
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
