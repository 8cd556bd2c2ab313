package io.quarry.planner.plan;

import io.quarry.planner.model.Aggregation;
import io.quarry.planner.model.ColumnType;
import io.quarry.planner.model.Dataset;
import io.quarry.planner.model.Dimension;
import io.quarry.planner.model.ExpressionTrees;
import io.quarry.planner.model.Join;
import io.quarry.planner.model.Rollup;
import io.quarry.planner.model.RollupGrain;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.model.TimeGrain;
import io.quarry.planner.resolve.Level;
import io.quarry.planner.resolve.MetricTree.Aggregate;
import io.quarry.planner.resolve.MetricTree.FactExpression;
import io.quarry.planner.resolve.MetricTrees;
import io.quarry.planner.resolve.Predicate;
import io.quarry.planner.resolve.ResolvedReport;
import io.quarry.planner.resolve.ResolvedReport.OutputDimension;
import io.quarry.planner.resolve.TimeRange;
import io.quarry.ql.format.ExpressionFormatter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Aggregate awareness: the rollup a dataset's base CTE reads instead of the facts, when one
 * answers it exactly. A rollup answers when it holds every fact row of the range (its
 * coverage), its buckets divide the report's time buckets and range in the report's zone (and
 * stay whole when a comparison shifts them), it keeps every fact column the report groups,
 * filters or joins by, and each aggregate is one of its measures (re-aggregated: sums of sums,
 * sums of counts, min of minima, max of maxima, unions of hll sketches). Of those that answer,
 * the coarsest grain with the fewest keys wins; else the facts, with the reasons.
 */
final class RollupChoice {

    /** The source of a base CTE: a rollup and the measure answering each aggregate, or the facts. */
    record Choice(Optional<Rollup> rollup, Map<Aggregate, Rollup.Measure> measures, String reason) {
    }

    private static final Comparator<Rollup> SMALLEST_FIRST = Comparator
            .comparing((Rollup r) -> -r.grain().ordinal()).thenComparing(r -> r.keys().size());

    private final SemanticModel model;
    private final ResolvedReport report;
    private final RollupCoverage coverage;
    private final boolean hll;

    RollupChoice(SemanticModel model, ResolvedReport report, RollupCoverage coverage, boolean hll) {
        this.model = model;
        this.report = report;
        this.coverage = coverage;
        this.hll = hll;
    }

    /** @param converts whether the base CTE converts money at each day's rate (so it needs days) */
    Choice choose(String datasetName, Level level, TimeRange range, int shiftDays, Set<Aggregate> aggregates,
                  boolean converts) {
        List<Rollup> candidates = model.rollups().stream().filter(r -> r.dataset().equals(datasetName))
                .sorted(SMALLEST_FIRST).toList();
        if (candidates.isEmpty()) {
            return new Choice(Optional.empty(), Map.of(), "the facts: no rollup of " + datasetName + " is declared");
        }
        Dataset dataset = model.dataset(datasetName).orElseThrow();
        List<String> refusals = new ArrayList<>();
        for (Rollup rollup : candidates) {
            Map<Aggregate, Rollup.Measure> measures = new LinkedHashMap<>();
            Optional<String> refusal = converts && rollup.grain() == RollupGrain.MONTH
                    ? Optional.of("is by month, the report converts money at each day's rate")
                    : refusal(rollup, dataset, level, range, shiftDays, aggregates, measures);
            if (refusal.isEmpty()) {
                return new Choice(Optional.of(rollup), measures, "rollup " + rollup.name() + " (by "
                        + String.join(", ", keysOf(rollup)) + " per " + rollup.grain().field()
                        + "): it answers exactly");
            }
            refusals.add(rollup.name() + " " + refusal.get());
        }
        return new Choice(Optional.empty(), Map.of(), "the facts: " + String.join("; ", refusals));
    }

    private Optional<String> refusal(Rollup rollup, Dataset dataset, Level level, TimeRange range, int shiftDays,
                                     Set<Aggregate> aggregates, Map<Aggregate, Rollup.Measure> measures) {
        Optional<Instant> exactBefore = coverage.exactBefore(rollup.name());
        if (exactBefore.isEmpty()) {
            return Optional.of("is not built yet");
        }
        Instant end = range.to() == null ? Instant.MAX : dataset.timeType() == ColumnType.DATE
                ? range.to().atStartOfDay(ZoneOffset.UTC).toInstant() : range.to().atStartOfDay(report.zone()).toInstant();
        if (end.isAfter(exactBefore.get())) {
            return Optional.of("lacks rows ingested since its last run (from " + exactBefore.get() + ")");
        }
        Optional<String> time = RollupTime.refusal(rollup.grain(), dataset, report.zone(), range, shiftDays,
                timeGrains(level));
        if (time.isPresent()) {
            return time;
        }
        Set<String> kept = new HashSet<>(rollup.keys());
        kept.add(model.distributionColumn());
        for (String column : factColumns(dataset.name())) {
            if (!kept.contains(column)) {
                return Optional.of("does not keep column " + column);
            }
        }
        for (Aggregate aggregate : aggregates) {
            Optional<Rollup.Measure> measure = rollup.measures().stream().filter(m -> answers(m, aggregate)).findFirst();
            if (measure.isEmpty()) {
                return Optional.of("has no measure for " + describe(aggregate));
            }
            if (aggregate.aggregation() == Aggregation.APPROX_DISTINCT && !hll) {
                return Optional.of("cannot merge distinct counts: the hll extension is not installed");
            }
            measures.put(aggregate, measure.get());
        }
        return Optional.empty();
    }

    private static boolean answers(Rollup.Measure measure, Aggregate aggregate) {
        if (measure.aggregation() != aggregate.aggregation()) {
            return false;
        }
        if (aggregate.argument().isEmpty() || measure.argument().isEmpty()) {
            return aggregate.argument().isEmpty() && measure.argument().isEmpty();
        }
        return aggregate.argument().get() instanceof FactExpression fact
                && ExpressionFormatter.format(fact.expression()).equals(ExpressionFormatter.format(measure.argument().get()));
    }

    private static String describe(Aggregate aggregate) {
        String name = aggregate.aggregation().name().toLowerCase();
        return aggregate.argument().map(a -> a instanceof FactExpression f
                ? name + "(" + ExpressionFormatter.format(f.expression()) + ")" : name + "(a dimension)")
                .orElse(name + "(*)");
    }

    /** The time grains the level buckets or filters by: its time dimensions' grains; a day for a date filter. */
    private Set<TimeGrain> timeGrains(Level level) {
        Set<TimeGrain> grains = new HashSet<>();
        for (int i = 0; i < report.dimensions().size(); i++) {
            OutputDimension output = report.dimensions().get(i);
            if (level.keeps(i) && output.dimension().time()) {
                grains.add(output.grain().orElse(TimeGrain.DAY));
            }
        }
        for (Predicate filter : report.filters()) {
            if (MetricTrees.dimensions(filter).stream().anyMatch(Dimension::time)) {
                grains.add(TimeGrain.DAY);
            }
        }
        return grains;
    }

    /**
     * The fact columns a base CTE reads besides the time column: those of the dataset's own
     * dimensions it groups or filters by, and the fact side of the first join towards each entity
     * whose dimensions the report uses. A total level joins what the detail joins (an inner join
     * drops unmatched rows), so every dimension of the report counts, kept at the level or not.
     */
    private Set<String> factColumns(String dataset) {
        List<Dimension> used = new ArrayList<>();
        report.dimensions().forEach(output -> used.add(output.dimension()));
        report.filters().forEach(filter -> used.addAll(MetricTrees.dimensions(filter)));
        Set<String> columns = new HashSet<>();
        for (Dimension dimension : used) {
            if (dimension.time()) {
                continue;
            }
            String node = dimension.node().orElseThrow();
            if (node.equals(dataset)) {
                ExpressionTrees.fieldRefs(dimension.expression().orElseThrow()).forEach(ref -> columns.add(ref.dotted()));
            } else {
                Join first = model.graph().path(dataset, node).orElseThrow().get(0);
                first.on().forEach(pair -> columns.add(pair.fromColumn()));
            }
        }
        return columns;
    }

    private static List<String> keysOf(Rollup rollup) {
        return rollup.keys().isEmpty() ? List.of("account") : rollup.keys();
    }
}
