package io.quarry.api.warmup;

import io.quarry.planner.model.ColumnType;
import io.quarry.planner.model.Dataset;
import io.quarry.planner.model.Dimension;
import io.quarry.planner.model.Metric;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.model.TimeGrain;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The warm-up's reports, in the text form, made from the loaded semantic model (so a custom model
 * warms up its own names): per dataset, a dashboard tile, a time series, a filtered and sorted
 * top list, totals, a period comparison and a pivot, over its first dimensions and metrics. A
 * name is used only where a one-metric probe report with it plans ({@code plans}): a dimension
 * another dataset's entity holds is left out, as is a derived metric over another dataset. Text
 * dimensions come first, one per entity, so that the reports take different joins.
 */
final class WarmupReports {

    /** How many of a dataset's dimensions, base metrics and derived metrics the reports use. */
    private static final int DIMENSIONS = 2;
    private static final int BASE_METRICS = 3;
    private static final int DERIVED_METRICS = 2;

    private WarmupReports() {
    }

    /**
     * Report texts with a {@code PIVOT BY} for the pivot output, the others for rows; every one
     * planned by {@code plans} before it is returned.
     */
    static List<String> of(SemanticModel model, Predicate<String> plans) {
        Dimension time = model.dimensions().values().stream().filter(Dimension::time).findFirst().orElse(null);
        if (time == null) {
            return List.of();
        }
        String fine = grain(time, TimeGrain.DAY);
        String coarse = grain(time, TimeGrain.MONTH);
        List<String> reports = new ArrayList<>();
        for (Dataset dataset : model.datasets().stream().sorted(Comparator.comparing(Dataset::name)).toList()) {
            String from = "FROM " + dataset.name() + " ";
            List<String> base = model.metrics().values().stream()
                    .filter(m -> !m.isDerived() && m.dataset().filter(dataset.name()::equals).isPresent())
                    .map(Metric::name).limit(BASE_METRICS).toList();
            if (base.isEmpty()) {
                continue;
            }
            String last30 = " WHERE " + time.name() + " DURING LAST_30_DAYS";
            String probe = " METRICS " + base.get(0) + last30;
            Set<String> nodes = new HashSet<>();
            List<String> dimensions = model.dimensions().values().stream().filter(d -> !d.time())
                    .sorted(Comparator.comparing(d -> d.type() != ColumnType.STRING))
                    .filter(d -> nodes.add(d.node().orElseThrow()))
                    .map(Dimension::name).filter(d -> plans.test(from + "DIMENSIONS " + d + probe))
                    .limit(DIMENSIONS).toList();
            List<String> metrics = new ArrayList<>(base);
            model.metrics().values().stream().filter(Metric::isDerived).map(Metric::name)
                    .filter(m -> plans.test(from + "METRICS " + base.get(0) + ", " + m + last30)).limit(DERIVED_METRICS)
                    .forEach(metrics::add);
            String select = " METRICS " + String.join(", ", metrics);
            String first = metrics.get(0);
            reports.add(from + "DIMENSIONS " + fine + select + last30);
            reports.add(from + "DIMENSIONS " + coarse + select + " WHERE " + time.name() + " DURING LAST_90_DAYS"
                    + " COMPARE PREVIOUS_PERIOD");
            for (String dimension : dimensions) {
                reports.add("DIMENSIONS " + dimension + select + last30);
                reports.add(from + "DIMENSIONS " + dimension + ", " + fine + select + last30 + " AND " + dimension
                        + " IS NOT NULL HAVING " + first + " > 0 ORDER BY " + first + " DESC NULLS LAST LIMIT 50");
                reports.add(from + "DIMENSIONS " + dimension + ", " + coarse + select + last30 + " TOTALS GRAND, SUBTOTALS ("
                        + dimension + ")");
                reports.add(from + "DIMENSIONS " + dimension + ", " + coarse + select + " WHERE " + time.name()
                        + " DURING LAST_90_DAYS PIVOT BY " + coarse + " TOTALS GRAND");
            }
        }
        return reports.stream().filter(plans).toList();
    }

    /** The time dimension at {@code wanted}, or at its first grain without that one. */
    private static String grain(Dimension time, TimeGrain wanted) {
        TimeGrain grain = time.grains().contains(wanted) ? wanted
                : time.grains().stream().sorted().findFirst().orElse(wanted);
        return time.name() + "." + grain.field();
    }
}
