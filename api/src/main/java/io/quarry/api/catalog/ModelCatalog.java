package io.quarry.api.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What a UI needs to build reports: the datasets, dimensions and metrics of the model. */
@Serdeable
public record ModelCatalog(List<DatasetEntry> datasets, List<DimensionEntry> dimensions, List<MetricEntry> metrics) {

    @Serdeable
    public record DatasetEntry(String name, @Nullable String description) {
    }

    /** @param grains time grains, for the time dimension ({@code date.month} ...); absent for the others */
    @Serdeable
    public record DimensionEntry(String name, String label, String type, String format, @Nullable String description,
                                 @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) List<String> grains) {
    }

    /** @param dataset the dataset a base metric aggregates; null for derived metrics */
    @Serdeable
    public record MetricEntry(String name, String label, String type, String format,
                              @Nullable String description, @Nullable String dataset, boolean derived) {
    }
}
