package io.quarry.api.adversarial;

import io.quarry.api.adversarial.Catalog.Agg;
import io.quarry.api.adversarial.Catalog.Dim;
import io.quarry.api.adversarial.Catalog.Join;
import io.quarry.api.adversarial.Catalog.Source;
import io.quarry.api.adversarial.Spec.DimItem;
import io.quarry.api.adversarial.Spec.Filter;
import io.quarry.api.adversarial.Spec.MetricItem;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The expected answer of a {@link Spec}, from SQL the test writes itself over the raw tables:
 * every tenant table it reads filtered by {@code account_id IN (visible accounts)}, every join
 * on {@code account_id}, one plain GROUP BY per level, period and dataset (all in one UNION ALL
 * statement). Only base aggregates come from the database; metrics, ratios, averages, comparison
 * changes and HAVING are computed here from them.
 */
final class SqlOracle {

    /**
     * An expected row: its level (index in {@link Spec#levels()}), its dimension values as text
     * (null where the level drops the dimension or the value is null), and its metric columns.
     */
    record Row(int level, List<String> key, List<BigDecimal> values) {
    }

    /**
     * The expected answer: rows of every level (detail rows after HAVING), and how exactly each
     * metric column compares ({@link AnswerCheck#EXACT}, a quotient, or the change of two quotients).
     */
    record Expected(List<Row> rows, int[] inexact) {
        List<Row> level(int level) {
            return rows.stream().filter(r -> r.level() == level).toList();
        }

        /** The rows in a fixed order, to tell whether two answers are the same. */
        String canonical() {
            return rows.stream().map(Row::toString).sorted().toList().toString();
        }
    }

    private final DataSource dataSource;
    private final boolean hll;

    SqlOracle(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'hll')")) {
            rows.next();
            this.hll = rows.getBoolean(1);
        }
    }

    /**
     * @param visible the accounts whose rows the answer may hold
     * @param today   today in the report's zone (for relative ranges)
     */
    Expected expected(Spec spec, List<Long> visible, LocalDate today) throws SQLException {
        LocalDate[] current = spec.range().resolve(today);
        LocalDate[] previous = null;
        long shift = 0;
        if (spec.compare() != null) {
            previous = spec.compare().equals("PREVIOUS_PERIOD")
                    ? new LocalDate[] {current[0].minusDays(current[1].toEpochDay() - current[0].toEpochDay()), current[0]}
                    : new LocalDate[] {current[0].minusYears(1), current[1].minusYears(1)};
            shift = current[0].toEpochDay() - previous[0].toEpochDay();
        }
        List<Agg> aggs = aggregates(spec);
        List<List<Integer>> levels = spec.levels();
        List<String> branches = new ArrayList<>();
        for (int level = 0; level < levels.size(); level++) {
            for (int period = 0; period < (previous == null ? 1 : 2); period++) {
                for (Source source : spec.sources()) {
                    branches.add(branch(spec, visible, aggs, level, levels.get(level), period, source,
                            period == 0 ? current : previous, period == 0 ? 0 : shift));
                }
            }
        }
        List<Map<List<String>, BigDecimal[][]>> groups = new ArrayList<>();
        levels.forEach(l -> groups.add(new LinkedHashMap<>()));
        int dims = spec.dims().size();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(String.join("\nUNION ALL\n", branches))) {
            while (rs.next()) {
                int level = rs.getInt(1);
                int period = rs.getInt(2);
                Source source = Source.valueOf(rs.getString(4));
                List<String> key = new ArrayList<>(dims);
                for (int d = 0; d < dims; d++) {
                    key.add(rs.getString(5 + d));
                }
                BigDecimal[][] values = groups.get(level).computeIfAbsent(key, k -> new BigDecimal[2][aggs.size()]);
                boolean empty = rs.getLong(3) == 0; // a level without dimensions over no rows
                for (int a = 0; a < aggs.size(); a++) {
                    BigDecimal value = rs.getBigDecimal(5 + dims + a);
                    if (empty && aggs.get(a).source == source) {
                        value = aggs.get(a).isCount() && fromFacts(spec, level, source) ? BigDecimal.ZERO : null;
                    }
                    if (value != null) {
                        values[period][a] = value;
                    }
                }
            }
        }
        return rows(spec, aggs, levels, groups);
    }

    /**
     * Whether a level reads a dataset's facts itself (the detail rows; totals of a dataset with an
     * average or a distinct count) rather than summing up its detail rows. Over no rows at all,
     * counts read from the facts are 0, while counts summed up from no rows are null, as sums are.
     */
    private static boolean fromFacts(Spec spec, int level, Source source) {
        return level == 0 || spec.metrics().stream().anyMatch(m -> m.def().recomputed()
                && m.def().value().aggs().stream().anyMatch(a -> a.source == source));
    }

    private static Expected rows(Spec spec, List<Agg> aggs, List<List<Integer>> levels,
                                 List<Map<List<String>, BigDecimal[][]>> groups) {
        List<Row> rows = new ArrayList<>();
        for (int level = 0; level < levels.size(); level++) {
            Map<List<String>, BigDecimal[][]> byKey = groups.get(level);
            if (levels.get(level).isEmpty() && byKey.isEmpty()) { // a grand total is one row, with or without data
                byKey.put(Arrays.asList(new String[spec.dims().size()]), new BigDecimal[2][aggs.size()]);
            }
            for (Map.Entry<List<String>, BigDecimal[][]> group : byKey.entrySet()) {
                List<BigDecimal> current = metrics(spec, aggs, group.getValue()[0]);
                if (level == 0 && !spec.having().stream().allMatch(h -> h.keeps(current.get(h.metric())))) {
                    continue;
                }
                List<BigDecimal> values = new ArrayList<>();
                List<BigDecimal> before = spec.compare() == null ? null : metrics(spec, aggs, group.getValue()[1]);
                for (int m = 0; m < current.size(); m++) {
                    values.add(current.get(m));
                    if (before != null) {
                        BigDecimal now = current.get(m);
                        BigDecimal then = before.get(m);
                        values.add(then);
                        values.add(now == null || then == null || then.signum() == 0 ? null
                                : now.subtract(then).divide(then, Catalog.Op.PRECISION));
                    }
                }
                rows.add(new Row(level, group.getKey(), values));
            }
        }
        List<Integer> kinds = new ArrayList<>();
        for (MetricItem metric : spec.metrics()) {
            int kind = metric.def().value().inexact() ? AnswerCheck.QUOTIENT : AnswerCheck.EXACT;
            kinds.add(kind);
            if (spec.compare() != null) {
                kinds.add(kind);
                kinds.add(kind == AnswerCheck.QUOTIENT ? AnswerCheck.CHANGE_OF_QUOTIENTS : AnswerCheck.QUOTIENT);
            }
        }
        int[] flags = kinds.stream().mapToInt(Integer::intValue).toArray();
        return new Expected(rows, flags);
    }

    private static List<BigDecimal> metrics(Spec spec, List<Agg> aggs, BigDecimal[] values) {
        List<BigDecimal> metrics = new ArrayList<>();
        for (MetricItem metric : spec.metrics()) {
            metrics.add(metric.def().value().eval(agg -> values[aggs.indexOf(agg)]));
        }
        return metrics;
    }

    private static List<Agg> aggregates(Spec spec) {
        Set<Agg> aggs = EnumSet.noneOf(Agg.class);
        spec.metrics().forEach(m -> aggs.addAll(m.def().value().aggs()));
        return new ArrayList<>(aggs);
    }

    private String branch(Spec spec, List<Long> visible, List<Agg> aggs, int level, List<Integer> kept,
                                 int period, Source source, LocalDate[] range, long shift) {
        String accounts = visible.stream().map(String::valueOf).collect(Collectors.joining(", "));
        String local = source == Source.AD_STATS ? "f.day"
                : "(f.created_at AT TIME ZONE " + zone(spec.zoneId()) + ")::date";
        List<String> select = new ArrayList<>(List.of(level + " AS q", period + " AS p", "count(*) AS n",
                "'" + source.name() + "' AS s"));
        List<String> groupBy = new ArrayList<>();
        for (int d = 0; d < spec.dims().size(); d++) {
            if (kept.contains(d)) {
                select.add(dimension(spec.dims().get(d).dim(), local, shift));
                groupBy.add(String.valueOf(select.size()));
            } else {
                select.add("NULL::text");
            }
        }
        for (Agg agg : aggs) {
            select.add(agg.source == source ? "(" + converted(agg.sql(hll)) + ")::numeric" : "NULL::numeric");
        }
        Set<Join> joins = EnumSet.noneOf(Join.class);
        for (DimItem dim : spec.dims()) {
            joins.addAll(dim.dim().joins());
        }
        for (Filter filter : spec.filters()) {
            filter.render(d -> {
                joins.addAll(d.joins());
                return "";
            });
        }
        aggs.stream().filter(a -> a.source == source).forEach(a -> joins.addAll(a.joins));
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select))
                .append(" FROM ").append(source.table).append(" f");
        if (source == Source.AD_STATS) {
            sql.append(" JOIN accounts fx_a ON fx_a.account_id = f.account_id AND fx_a.account_id IN (").append(accounts)
                    .append(") JOIN exchange_rates fx_from ON fx_from.currency = fx_a.currency AND fx_from.day = f.day")
                    .append(" JOIN exchange_rates fx_to ON fx_to.currency = '").append(CURRENCY)
                    .append("' AND fx_to.day = f.day");
        }
        for (Join join : joins) {
            boolean optional = source == Source.EVENTS && join != Join.ACCOUNT;
            sql.append(optional ? " LEFT JOIN " : " JOIN ").append(join.table).append(' ').append(join.alias)
                    .append(" ON ").append(join.on);
            if (join.tenant) {
                sql.append(" AND ").append(join.alias).append(".account_id IN (").append(accounts).append(')');
            }
        }
        sql.append(" WHERE f.account_id IN (").append(accounts).append(") AND ").append(local).append(" >= DATE '")
                .append(range[0]).append("' AND ").append(local).append(" < DATE '").append(range[1]).append('\'');
        for (Filter filter : spec.filters()) {
            sql.append(" AND ").append(filter.render(d -> d.column));
        }
        if (!groupBy.isEmpty()) {
            sql.append(" GROUP BY ").append(String.join(", ", groupBy));
        }
        return sql.toString();
    }

    /** The reporting currency of every generated report (the demo accounts have several). */
    static final String CURRENCY = "USD";

    /** An aggregate's SQL with each money amount converted into {@link #CURRENCY} at its day's rate. */
    private static String converted(String aggregate) {
        String factor = " * ((fx_to.rate)::numeric / nullif(fx_from.rate, 0)))";
        return aggregate.replace("f.spend", "(f.spend" + factor).replace("f.conversion_value", "(f.conversion_value" + factor);
    }

    private static String dimension(Dim dim, String local, long shift) {
        if (!dim.isDate()) {
            return "(" + dim.column + ")::text";
        }
        String day = "(" + local + " + " + shift + ")";
        return dim == Dim.DAY ? "to_char(" + day + ", 'YYYY-MM-DD')"
                : "to_char(date_trunc('" + dim.grain() + "', " + day + "::timestamp), 'YYYY-MM-DD')";
    }

    /** A zone for AT TIME ZONE: a region by name, an offset as an interval (east positive, as in Java). */
    static String zone(ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            return offset.getTotalSeconds() == 0 ? "'UTC'" : "INTERVAL '" + offset.getId() + "'";
        }
        return "'" + zone.getId() + "'";
    }
}
