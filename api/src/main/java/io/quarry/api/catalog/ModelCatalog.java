package io.quarry.api.catalog;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** What a UI needs to build reports: the datasets, dimensions and metrics of the model. */
@Serdeable
public record ModelCatalog(List<DatasetEntry> datasets, List<DimensionEntry> dimensions, List<MetricEntry> metrics) {

    @Serdeable
    public record DatasetEntry(String name, String description) {
    }

    /** @param grains time grains, for the time dimension ({@code date.month} ...) */
    @Serdeable
    public record DimensionEntry(String name, String label, String type, String format, String description,
                                 List<String> grains) {
    }

    /** @param dataset the dataset a base metric aggregates; null for derived metrics */
    @Serdeable
    public record MetricEntry(String name, String label, String type, String format, String description,
                              String dataset, boolean derived) {
    }
}
