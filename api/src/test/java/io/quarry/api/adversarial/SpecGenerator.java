package io.quarry.api.adversarial;

import io.quarry.api.adversarial.Catalog.Dim;
import io.quarry.api.adversarial.Catalog.MetricDef;
import io.quarry.api.adversarial.Catalog.Source;
import io.quarry.api.adversarial.Spec.DimItem;
import io.quarry.api.adversarial.Spec.Filter;
import io.quarry.api.adversarial.Spec.MetricItem;
import io.quarry.api.adversarial.Spec.Range;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random valid reports over the demo model, shaped to probe tenant isolation: dimensions of
 * every entity (whose ids the sentinel account shares), filters naming other accounts and the
 * sentinel's names, date ranges over the demo days and over the days before today (where only
 * the sentinel has rows), totals, pivots, comparisons, time zones, HAVING, ORDER BY and LIMIT.
 */
final class SpecGenerator {

    static final LocalDate DATA_FIRST = LocalDate.of(2026, 4, 1);
    static final List<String> ZONES = List.of("UTC", "Europe/Helsinki", "America/New_York", "Asia/Kolkata", "+02:00",
            "-05:30", "Pacific/Kiritimati", "Asia/Kathmandu", "Pacific/Pago_Pago");
    private static final List<String> ALIASES = List.of("m", "total", "Spend (EUR)", "ünï", "x y", "Campaign",
            "it's", "order", "a.b");

    private final Random random;

    SpecGenerator(Random random) {
        this.random = random;
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    Spec spec(boolean allowPivot) {
        int mode = random.nextInt(100);
        Set<Source> sources = mode < 55 ? EnumSet.of(Source.AD_STATS)
                : mode < 80 ? EnumSet.of(Source.EVENTS) : EnumSet.allOf(Source.class);
        List<Dim> reachable = reachable(sources);
        Set<String> names = new HashSet<>();
        List<DimItem> dims = dims(reachable, names);
        List<MetricItem> metrics = metrics(sources, names);
        boolean pivot = allowPivot && chance(25) && dims.stream().anyMatch(d -> d.dim().pivotable);
        List<Integer> pivotBy = pivot ? pivotBy(dims) : List.of();
        boolean compare = !pivot && chance(10);
        List<Spec.Having> having = !pivot && !compare && !dims.isEmpty() && chance(12)
                ? List.of(new Spec.Having(random.nextInt(metrics.size()), pick(List.of(">", ">=", "<", "<>")),
                pick(List.of(BigDecimal.ZERO, BigDecimal.TEN, new BigDecimal("1000"), new BigDecimal("0.01")))))
                : List.of();
        Spec.Order order = null;
        Long limit = null;
        Long offset = null;
        if (chance(30)) {
            List<String> columns = new ArrayList<>();
            dims.stream().filter(d -> !pivotBy.contains(dims.indexOf(d))).forEach(d -> columns.add(d.outputName()));
            metrics.forEach(m -> columns.add(m.outputName()));
            order = new Spec.Order(pick(columns), random.nextBoolean());
        }
        if (order != null && chance(60) || chance(4)) {
            limit = (long) random.nextInt(20);
            offset = chance(30) ? (long) random.nextInt(10) : null;
        }
        Spec.Totals totals = null;
        if (!pivot && !dims.isEmpty() && chance(30)) {
            List<Integer> subtotals = dims.size() >= 2 && chance(60) ? List.of(random.nextInt(dims.size() - 1))
                    : List.of();
            totals = new Spec.Totals(subtotals.isEmpty() || chance(50), subtotals);
        }
        boolean from = sources.size() == 1 && (chance(30) || metrics.stream().anyMatch(m -> counts(m.def())));
        return new Spec(sources, from, dims, metrics, range(), filters(reachable), having, order, limit, offset,
                pivotBy, totals, compare ? (chance(70) ? "PREVIOUS_PERIOD" : "SAME_PERIOD_LAST_YEAR") : null,
                List.of(), chance(40) ? pick(ZONES) : null);
    }

    private static List<Dim> reachable(Set<Source> sources) {
        List<Dim> reachable = new ArrayList<>();
        for (Dim dim : Dim.values()) {
            if (sources.stream().allMatch(dim::reachableFrom)) {
                reachable.add(dim);
            }
        }
        return reachable;
    }

    private List<DimItem> dims(List<Dim> reachable, Set<String> names) {
        int count = pick(List.of(0, 1, 1, 1, 2, 2, 2, 3, 3, 4));
        List<DimItem> dims = new ArrayList<>();
        for (int attempt = 0; dims.size() < count && attempt < 20; attempt++) {
            Dim dim = pick(reachable);
            if (dims.stream().anyMatch(d -> d.dim() == dim || d.dim().isDate() && dim.isDate())) {
                continue;
            }
            String alias = chance(10) ? pick(ALIASES) + (dims.size() + 1) : null;
            DimItem item = new DimItem(dim, alias);
            if (names.add(item.outputName())) {
                dims.add(item);
            }
        }
        return dims;
    }

    private List<MetricItem> metrics(Set<Source> sources, Set<String> names) {
        List<MetricDef> candidates = new ArrayList<>();
        for (MetricDef def : Catalog.MODEL_METRICS) {
            if (sources.containsAll(def.sources())) {
                candidates.add(def);
            }
        }
        for (MetricDef def : Catalog.INLINE_METRICS) {
            if (sources.containsAll(def.sources()) && !(counts(def) && sources.size() > 1)) {
                candidates.add(def);
            }
        }
        List<MetricItem> metrics = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int attempt = 0; metrics.size() < count && attempt < 20; attempt++) {
            add(metrics, pick(candidates), names);
        }
        // Every dataset of the report contributes a metric: Quarry reads the datasets its metrics
        // read, and the oracle reads every source (an add can fail on a name already taken: retry).
        for (Source source : sources) {
            List<MetricDef> own = candidates.stream().filter(d -> d.sources().equals(EnumSet.of(source))).toList();
            for (int attempt = 0; attempt < 50 && metrics.stream().noneMatch(m -> m.def().sources().contains(source));
                 attempt++) {
                add(metrics, pick(own), names);
            }
            if (metrics.stream().noneMatch(m -> m.def().sources().contains(source))) {
                throw new IllegalStateException("no metric of " + source + " could be added to " + metrics);
            }
        }
        return metrics;
    }

    /** count(*) and count(DISTINCT ad.id) name no dataset: a report of them needs FROM. */
    private static boolean counts(MetricDef def) {
        return def.expression().startsWith("count(");
    }

    private void add(List<MetricItem> metrics, MetricDef def, Set<String> names) {
        boolean inline = Catalog.INLINE_METRICS.contains(def);
        String alias = inline || chance(10) ? (chance(70) ? "m" : pick(ALIASES)) + (metrics.size() + 1) : null;
        MetricItem item = new MetricItem(def, alias);
        if (names.add(item.outputName())) {
            metrics.add(item);
        }
    }

    private List<Integer> pivotBy(List<DimItem> dims) {
        List<Integer> pivotable = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            if (dims.get(i).dim().pivotable) {
                pivotable.add(i);
            }
        }
        int first = pick(pivotable);
        if (pivotable.size() > 1 && chance(20)) {
            int second = pick(pivotable);
            return second == first ? List.of(first) : List.of(second, first);
        }
        return List.of(first);
    }

    Range range() {
        int kind = random.nextInt(100);
        if (kind < 75) {
            LocalDate first = DATA_FIRST.plusDays(random.nextInt(85));
            LocalDate end = first.plusDays(1 + random.nextInt(chance(20) ? 5 : 75));
            return new Range(chance(70) ? "BETWEEN" : "HALF_OPEN", first, end, null, 0);
        }
        if (kind < 82) {
            return new Range("BETWEEN", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), null, 0);
        }
        if (kind < 94) {
            return new Range("DURING", null, null, pick(RelativeRanges.NAMES), 0);
        }
        return new Range("TODAY", null, null, null, 1 + random.nextInt(60));
    }

    /** Filters on the dimensions every one of {@code sources} reaches. */
    List<Filter> filtersFor(Set<Source> sources) {
        List<Filter> filters = filters(reachable(sources));
        return filters.isEmpty() ? List.of(new Spec.In(Dim.ACCOUNT_ID, List.of("1", "2", "3", "4", "5", "6", "7", "8",
                String.valueOf(Sentinel.ACCOUNT)), false)) : filters;
    }

    /** Up to three filters on reachable dimensions, naming other accounts' ids and the sentinel's names. */
    List<Filter> filters(List<Dim> reachable) {
        List<Filter> filters = new ArrayList<>();
        int count = chance(50) ? 1 + random.nextInt(chance(30) ? 3 : 1) : 0;
        for (int i = 0; i < count; i++) {
            Filter filter = filter(pick(reachable));
            if (filter != null) {
                filters.add(chance(10) ? new Spec.Not(filter) : filter);
            }
        }
        if (filters.size() >= 2 && chance(30)) {
            return List.of(new Spec.Or(filters));
        }
        return filters;
    }

    private Filter filter(Dim dim) {
        switch (dim) {
            case ACCOUNT_ID:
                return new Spec.In(dim, List.of(String.valueOf(1 + random.nextInt(8)), String.valueOf(1 + random.nextInt(8)),
                        String.valueOf(Sentinel.ACCOUNT)), chance(20));
            case CAMPAIGN_ID, AD_SET_ID, AD_ID:
                return new Spec.Compare(dim, pick(List.of("<=", ">", "<>", "=")), String.valueOf(random.nextInt(60)));
            case CAMPAIGN_STATUS, AD_SET_STATUS, AD_STATUS:
                return new Spec.In(dim, chance(50) ? List.of("'ACTIVE'", "'PAUSED'") : List.of("'ARCHIVED'"), chance(30));
            case CAMPAIGN_OBJECTIVE:
                return new Spec.In(dim, List.of("'CONVERSIONS'", "'TRAFFIC'", "'LEADS'"), chance(30));
            case AD_FORMAT:
                return new Spec.Compare(dim, chance(70) ? "=" : "<>", "'VIDEO'");
            case ACCOUNT_CURRENCY:
                return new Spec.In(dim, List.of("'USD'", "'EUR'", "'JPY'"), chance(30));
            case CAMPAIGN_COUNTRY:
                return new Spec.In(dim, List.of("'US'", "'FI'", "'SG'", "'DE'"), chance(30));
            case COUNTRY_REGION:
                return new Spec.Compare(dim, "=", pick(List.of("'Europe'", "'Asia Pacific'", "'North America'")));
            case ACCOUNT_NAME, CAMPAIGN_NAME, AD_SET_NAME, AD_NAME, COUNTRY_NAME:
                return chance(30) ? new Spec.Compare(dim, "=", "'" + Sentinel.MARK + " CAMPAIGN 1'")
                        : new Spec.Like(dim, pick(List.of("'%a%'", "'%SENTINEL%'", "'ZZ%'", "'%e_'", "'%'")),
                        chance(50), chance(20));
            case EVENT_NAME:
                return new Spec.In(dim, List.of("'purchase'", "'page_view'", "'" + Sentinel.EVENT + "'"), chance(20));
            default:
                return null;
        }
    }
}
