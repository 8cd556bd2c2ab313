package io.quarry.api.adversarial;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What the isolation suite's reports may name, each with the test's own reading of it over the
 * raw tables: the datasets, the dimensions (and the table and column each comes from), the base
 * aggregates and the metrics built from them. Written from the documented model, never from the
 * planner's SQL.
 */
final class Catalog {

    private Catalog() {
    }

    /** A dataset: its fact table, its time column, whether entity joins are optional. */
    enum Source {
        AD_STATS("ad_stats", "ad_stats_daily"), EVENTS("events", "events");

        final String dataset;
        final String table;

        Source(String dataset, String table) {
            this.dataset = dataset;
            this.table = table;
        }
    }

    /** A table the oracle joins to the fact table: alias, table, join condition (without the tenant filter). */
    enum Join {
        ACCOUNT("acc", "accounts", "acc.account_id = f.account_id", true),
        CAMPAIGN("c", "campaigns", "c.account_id = f.account_id AND c.campaign_id = f.campaign_id", true),
        AD_SET("x", "ad_sets", "x.account_id = f.account_id AND x.ad_set_id = f.ad_set_id", true),
        AD("d", "ads", "d.account_id = f.account_id AND d.ad_id = f.ad_id", true),
        COUNTRY("co", "countries", "co.code = c.country", false);

        final String alias;
        final String table;
        final String on;
        final boolean tenant;

        Join(String alias, String table, String on, boolean tenant) {
            this.alias = alias;
            this.table = table;
            this.on = on;
            this.tenant = tenant;
        }
    }

    /** A dimension of the model: its name, where its value comes from, which datasets reach it. */
    enum Dim {
        ACCOUNT_ID("account.id", Join.ACCOUNT, "acc.account_id", true, false),
        ACCOUNT_NAME("account.name", Join.ACCOUNT, "acc.name", false, false),
        ACCOUNT_CURRENCY("account.currency", Join.ACCOUNT, "acc.currency", false, true),
        CAMPAIGN_ID("campaign.id", Join.CAMPAIGN, "c.campaign_id", true, false),
        CAMPAIGN_NAME("campaign.name", Join.CAMPAIGN, "c.name", false, false),
        CAMPAIGN_STATUS("campaign.status", Join.CAMPAIGN, "c.status", false, true),
        CAMPAIGN_OBJECTIVE("campaign.objective", Join.CAMPAIGN, "c.objective", false, true),
        CAMPAIGN_COUNTRY("campaign.country", Join.CAMPAIGN, "c.country", false, true),
        AD_SET_ID("ad_set.id", Join.AD_SET, "x.ad_set_id", true, false),
        AD_SET_NAME("ad_set.name", Join.AD_SET, "x.name", false, false),
        AD_SET_STATUS("ad_set.status", Join.AD_SET, "x.status", false, true),
        AD_ID("ad.id", Join.AD, "d.ad_id", true, false),
        AD_NAME("ad.name", Join.AD, "d.name", false, false),
        AD_STATUS("ad.status", Join.AD, "d.status", false, true),
        AD_FORMAT("ad.format", Join.AD, "d.format", false, true),
        COUNTRY_NAME("country.name", Join.COUNTRY, "co.name", false, false),
        COUNTRY_REGION("country.region", Join.COUNTRY, "co.region", false, true),
        EVENT_NAME("event.name", null, "f.name", false, true),
        DAY("date.day", null, null, false, false),
        WEEK("date.week", null, null, false, true),
        MONTH("date.month", null, null, false, true),
        QUARTER("date.quarter", null, null, false, true),
        YEAR("date.year", null, null, false, true);

        final String name;
        final Join join;
        final String column;
        final boolean numeric;
        /** Few enough values to pivot by. */
        final boolean pivotable;

        Dim(String name, Join join, String column, boolean numeric, boolean pivotable) {
            this.name = name;
            this.join = join;
            this.column = column;
            this.numeric = numeric;
            this.pivotable = pivotable;
        }

        boolean isDate() {
            return name.startsWith("date.");
        }

        String grain() {
            return name.substring("date.".length());
        }

        boolean reachableFrom(Source source) {
            if (this == EVENT_NAME) {
                return source == Source.EVENTS;
            }
            return source == Source.AD_STATS || (join != Join.AD_SET && join != Join.COUNTRY);
        }

        /** The joins the oracle needs for this dimension. */
        Set<Join> joins() {
            if (join == null) {
                return Set.of();
            }
            return join == Join.COUNTRY ? EnumSet.of(Join.CAMPAIGN, Join.COUNTRY) : EnumSet.of(join);
        }
    }

    /** An aggregate over one dataset's rows, as the oracle computes it; avg and ratios are built from these. */
    enum Agg {
        IMPRESSIONS(Source.AD_STATS, "sum(f.impressions)", Set.of()),
        REACH(Source.AD_STATS, "sum(f.reach)", Set.of()),
        CLICKS(Source.AD_STATS, "sum(f.clicks)", Set.of()),
        SPEND(Source.AD_STATS, "sum(f.spend)", Set.of()),
        CONVERSIONS(Source.AD_STATS, "sum(f.conversions)", Set.of()),
        CONVERSION_VALUE(Source.AD_STATS, "sum(f.conversion_value)", Set.of()),
        VIDEO_VIEWS(Source.AD_STATS, "sum(f.video_views)", Set.of()),
        AD_ROWS(Source.AD_STATS, "count(*)", Set.of()),
        AD_DISTINCT_ADS(Source.AD_STATS, "count(DISTINCT d.ad_id)", Set.of(Join.AD)),
        MAX_SPEND(Source.AD_STATS, "max(f.spend)", Set.of()),
        MIN_CLICKS(Source.AD_STATS, "min(f.clicks)", Set.of()),
        VIDEO_SPEND(Source.AD_STATS, "sum(CASE WHEN d.format = 'VIDEO' THEN f.spend ELSE 0 END)", Set.of(Join.AD)),
        EVENTS(Source.EVENTS, "count(*)", Set.of()),
        USERS(Source.EVENTS, "count(DISTINCT f.user_id)", Set.of()),
        EVENT_DISTINCT_ADS(Source.EVENTS, "count(DISTINCT d.ad_id)", Set.of(Join.AD));

        final Source source;
        final String sql;
        final Set<Join> joins;

        Agg(Source source, String sql, Set<Join> joins) {
            this.source = source;
            this.sql = sql;
            this.joins = joins;
        }

        boolean isCount() {
            return sql.startsWith("count(");
        }

        /** Distinct counts (like averages) cannot be summed up: totals recompute them from the facts. */
        boolean isDistinct() {
            return sql.startsWith("count(DISTINCT");
        }

        /**
         * The SQL of the aggregate: with the hll extension, unique_users (an approximate distinct
         * count) is the HyperLogLog estimate of the raw values in a sketch of Quarry's size (2^14
         * registers), which the union of a rollup's sketches gives exactly too.
         */
        String sql(boolean hll) {
            return hll && this == USERS ? "CAST(coalesce(round(hll_cardinality("
                    + "hll_add_agg(hll_hash_any(f.user_id), 14))), 0) AS bigint)" : sql;
        }
    }

    /** A metric's value from its group's aggregates: null where an input is null, division by zero null. */
    sealed interface Value {
        BigDecimal eval(Function<Agg, BigDecimal> aggs);

        /** The aggregates it reads. */
        Set<Agg> aggs();

        /** Whether the value is a quotient (compared to the precision the database gave). */
        boolean inexact();
    }

    record Of(Agg agg) implements Value {
        public BigDecimal eval(Function<Agg, BigDecimal> aggs) {
            return aggs.apply(agg);
        }

        public Set<Agg> aggs() {
            return Set.of(agg);
        }

        public boolean inexact() {
            return false;
        }
    }

    record Constant(BigDecimal value) implements Value {
        public BigDecimal eval(Function<Agg, BigDecimal> aggs) {
            return value;
        }

        public Set<Agg> aggs() {
            return Set.of();
        }

        public boolean inexact() {
            return false;
        }
    }

    /** {@code + - * /} (division safe), and {@code c} for coalesce. */
    record Op(char op, Value left, Value right) implements Value {
        static final MathContext PRECISION = new MathContext(60);

        public BigDecimal eval(Function<Agg, BigDecimal> aggs) {
            BigDecimal l = left.eval(aggs);
            BigDecimal r = right.eval(aggs);
            if (op == 'c') {
                return l != null ? l : r;
            }
            if (l == null || r == null) {
                return null;
            }
            return switch (op) {
                case '+' -> l.add(r);
                case '-' -> l.subtract(r);
                case '*' -> l.multiply(r);
                case '/' -> r.signum() == 0 ? null : l.divide(r, PRECISION);
                default -> throw new IllegalStateException("operator " + op);
            };
        }

        public Set<Agg> aggs() {
            Set<Agg> all = new LinkedHashSet<>(left.aggs());
            all.addAll(right.aggs());
            return all;
        }

        public boolean inexact() {
            return op == '/' || left.inexact() || right.inexact();
        }
    }

    static Value of(Agg agg) {
        return new Of(agg);
    }

    static Value div(Value left, Value right) {
        return new Op('/', left, right);
    }

    static Value constant(long value) {
        return new Constant(BigDecimal.valueOf(value));
    }

    /** A metric the suite may ask for: its report expression, the datasets it may be used with, its value. */
    record MetricDef(String expression, Set<Source> sources, Value value) {

        /** Whether totals must recompute it from the facts (an average, a distinct count), not sum it up. */
        boolean recomputed() {
            return expression.startsWith("avg(") || value.aggs().stream().anyMatch(Agg::isDistinct);
        }
    }

    static final Set<Source> AD = EnumSet.of(Source.AD_STATS);
    static final Set<Source> EV = EnumSet.of(Source.EVENTS);

    static final List<MetricDef> MODEL_METRICS = List.of(
            new MetricDef("impressions", AD, of(Agg.IMPRESSIONS)),
            new MetricDef("reach", AD, of(Agg.REACH)),
            new MetricDef("clicks", AD, of(Agg.CLICKS)),
            new MetricDef("spend", AD, of(Agg.SPEND)),
            new MetricDef("conversions", AD, of(Agg.CONVERSIONS)),
            new MetricDef("conversion_value", AD, of(Agg.CONVERSION_VALUE)),
            new MetricDef("video_views", AD, of(Agg.VIDEO_VIEWS)),
            new MetricDef("ctr", AD, div(of(Agg.CLICKS), of(Agg.IMPRESSIONS))),
            new MetricDef("cpc", AD, div(of(Agg.SPEND), of(Agg.CLICKS))),
            new MetricDef("cpm", AD, div(new Op('*', of(Agg.SPEND), constant(1000)), of(Agg.IMPRESSIONS))),
            new MetricDef("cpa", AD, div(of(Agg.SPEND), of(Agg.CONVERSIONS))),
            new MetricDef("roas", AD, div(of(Agg.CONVERSION_VALUE), of(Agg.SPEND))),
            new MetricDef("conversion_rate", AD, div(of(Agg.CONVERSIONS), of(Agg.CLICKS))),
            new MetricDef("event_count", EV, of(Agg.EVENTS)),
            new MetricDef("unique_users", EV, of(Agg.USERS)));

    /** Inline expressions (always given an alias by the generator). */
    static final List<MetricDef> INLINE_METRICS = List.of(
            new MetricDef("sum(spend) / nullif(sum(clicks), 0)", AD, div(of(Agg.SPEND), of(Agg.CLICKS))),
            new MetricDef("count(*)", AD, of(Agg.AD_ROWS)),
            new MetricDef("count(*)", EV, of(Agg.EVENTS)),
            new MetricDef("count(DISTINCT ad.id)", AD, of(Agg.AD_DISTINCT_ADS)),
            new MetricDef("count(DISTINCT ad.id)", EV, of(Agg.EVENT_DISTINCT_ADS)),
            new MetricDef("max(spend)", AD, of(Agg.MAX_SPEND)),
            new MetricDef("min(clicks)", AD, of(Agg.MIN_CLICKS)),
            new MetricDef("avg(spend)", AD, div(of(Agg.SPEND), of(Agg.AD_ROWS))),
            new MetricDef("sum(CASE WHEN ad.format = 'VIDEO' THEN spend ELSE 0 END)", AD, of(Agg.VIDEO_SPEND)),
            new MetricDef("spend / nullif(video_views, 0)", AD, div(of(Agg.SPEND), of(Agg.VIDEO_VIEWS))),
            new MetricDef("coalesce(sum(conversion_value), 0) / nullif(sum(spend), 0)", AD,
                    div(new Op('c', of(Agg.CONVERSION_VALUE), constant(0)), of(Agg.SPEND))),
            new MetricDef("spend * 2 + clicks", AD, new Op('+', new Op('*', of(Agg.SPEND), constant(2)),
                    of(Agg.CLICKS))),
            new MetricDef("clicks - conversions", AD, new Op('-', of(Agg.CLICKS), of(Agg.CONVERSIONS))),
            new MetricDef("impressions + event_count", EnumSet.of(Source.AD_STATS, Source.EVENTS),
                    new Op('+', of(Agg.IMPRESSIONS), of(Agg.EVENTS))));
}
