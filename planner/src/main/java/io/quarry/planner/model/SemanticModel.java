package io.quarry.planner.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated semantic model: tables, entities, datasets, the join graph, dimensions and
 * metrics. Immutable; built by {@link ModelLoader}, which rejects an invalid model.
 */
public final class SemanticModel {

    private final String distributionColumn;
    private final Map<String, Table> tables;
    private final Map<String, Entity> entities;
    private final Map<String, Dataset> datasets;
    private final List<Join> joins;
    private final Map<String, Dimension> dimensions;
    private final Map<String, Metric> metrics;
    private final JoinGraph graph;
    private final List<Rollup> rollups;
    private final Optional<String> exchangeRates;
    private final FormatScales formatScales;

    SemanticModel(String distributionColumn, Map<String, Table> tables, Map<String, Entity> entities,
                  Map<String, Dataset> datasets, List<Join> joins, Map<String, Dimension> dimensions,
                  Map<String, Metric> metrics, List<Rollup> rollups, Optional<String> exchangeRates,
                  FormatScales formatScales) {
        this.distributionColumn = distributionColumn;
        this.tables = Map.copyOf(tables);
        this.entities = Map.copyOf(entities);
        this.datasets = Map.copyOf(datasets);
        this.joins = List.copyOf(joins);
        this.dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        this.graph = new JoinGraph(joins);
        this.rollups = List.copyOf(rollups);
        this.exchangeRates = exchangeRates;
        this.formatScales = formatScales;
    }

    /** The decimal places of quotient metrics, by format. */
    public FormatScales formatScales() {
        return formatScales;
    }

    /** The column every tenant table is distributed by and filtered on ({@code account_id}). */
    public String distributionColumn() {
        return distributionColumn;
    }

    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public Collection<Table> tables() {
        return tables.values();
    }

    public Optional<Dataset> dataset(String name) {
        return Optional.ofNullable(datasets.get(name));
    }

    public Collection<Dataset> datasets() {
        return datasets.values();
    }

    public Optional<Entity> entity(String name) {
        return Optional.ofNullable(entities.get(name));
    }

    public Collection<Entity> entities() {
        return entities.values();
    }

    public List<Join> joins() {
        return joins;
    }

    /** Dimensions in declaration order. */
    public Map<String, Dimension> dimensions() {
        return dimensions;
    }

    /** Metrics in declaration order. */
    public Map<String, Metric> metrics() {
        return metrics;
    }

    /**
     * The reference table of daily exchange rates ({@code currency}, {@code day}, {@code rate}: units
     * of the currency per unit of a common base currency), for reports with a CURRENCY.
     */
    public Optional<String> exchangeRates() {
        return exchangeRates;
    }

    /** The rollups in declaration order. */
    public List<Rollup> rollups() {
        return rollups;
    }

    /** A rollup's table, read like its dataset's table. */
    public Table tableOf(Rollup rollup) {
        Dataset dataset = datasets.get(rollup.dataset());
        return rollup.table(dataset, tables.get(dataset.table()), distributionColumn);
    }

    public JoinGraph graph() {
        return graph;
    }

    /** The table behind a dataset or entity name. */
    public Table tableOf(String node) {
        Dataset dataset = datasets.get(node);
        String table = dataset != null ? dataset.table() : entities.get(node).table();
        return tables.get(table);
    }

    public boolean isNode(String name) {
        return datasets.containsKey(name) || entities.containsKey(name);
    }
}
