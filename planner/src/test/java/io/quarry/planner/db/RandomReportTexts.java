package io.quarry.planner.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A seeded generator of report texts over the shipped model that aim at the planner's edges:
 * aggregates of every type of column, scalar functions with right and wrong arities, CASE,
 * arithmetic with zero and huge integers, NULL, aliases that clash or are reserved or long,
 * open, huge and empty date ranges, LIKE patterns ending in a backslash, totals, COMPARE, PIVOT
 * and zones. Most texts parse; many are refused while planning; none may fail in PostgreSQL.
 */
final class RandomReportTexts {

    private static final String[] DIMENSIONS = {"campaign.name", "campaign.status", "campaign.id", "ad.format",
        "ad.id", "country.region", "account.name", "date.day", "date.week", "date.month", "date.year"};
    private static final String[] STATS_METRICS = {"spend", "clicks", "impressions", "ctr", "cpc", "roas", "conversions"};
    private static final String[] EVENT_METRICS = {"event_count", "unique_users"};
    private static final String[] STATS_COLUMNS = {"spend", "clicks", "impressions", "day", "ad.format", "campaign.name",
        "campaign.id", "spend", "clicks"};
    private static final String[] EVENT_COLUMNS = {"name", "created_at", "user_id", "campaign.name", "event.name", "ad.id"};
    private static final String[] LITERALS = {"0", "1", "2", "-3", "9223372036854775807", "1.5", "0.0", "'x'", "''",
        "'it''s'", "NULL", "TRUE", "FALSE", "DATE '2026-05-01'", "DATE '0001-01-01'", "DATE '9999-12-31'"};
    private static final String[] NUMBERS = {"0", "1", "2", "-3", "9223372036854775807", "1.5", "0.0", "100"};
    private static final String[] FUNCTIONS = {"lower", "upper", "trim", "length", "substr", "concat", "coalesce",
        "greatest", "least", "nullif", "abs", "round", "median", "today"};
    private static final int[] ARITIES = {1, 1, 1, 1, 3, 3, 2, 2, 2, 2, 1, 2, 1, 0};
    private static final String[] METRIC_FUNCTIONS = {"coalesce", "greatest", "least", "nullif", "abs", "round"};
    private static final int[] METRIC_ARITIES = {2, 2, 2, 2, 1, 2};
    private static final String[] AGGREGATES = {"sum", "avg", "min", "max", "count", "count(DISTINCT"};
    private static final String[] OPERATORS = {" + ", " - ", " * ", " / ", " % "};
    private static final String[] COMPARISONS = {" = ", " <> ", " < ", " >= "};
    private static final String[] ALIASES = {"spend", "x", "x", "spend_previous", "clicks_change", "\"__level\"",
        "row_type", "\"Spend\"", "\"" + "n".repeat(63) + "a\"", "\"" + "n".repeat(63) + "b\"", "\"" + "m".repeat(60) + "\"",
        "\"campaign.name\""};
    private static final String[] RANGES = {"date DURING LAST_30_DAYS", "date DURING LAST_7_DAYS", "date DURING THIS_YEAR",
        "date >= DATE '2026-05-01'", "date >= today() - 20", "date < DATE '2026-06-01'",
        "date BETWEEN DATE '2026-04-01' AND DATE '2026-04-30'", "date >= today() - 9223372036854775807",
        "date BETWEEN DATE '9999-12-01' AND DATE '9999-12-31'", "date > DATE '2030-01-01'",
        "date BETWEEN DATE '0001-01-01' AND DATE '0001-03-01'", "date >= today() - 4000"};
    private static final String[] FILTERS = {"campaign.status IN ('ACTIVE', 'PAUSED')", "campaign.name LIKE '%a\\'",
        "campaign.name ILIKE '%\\\\'", "campaign.name LIKE 'S%'", "campaign.id > 3", "campaign.status = 3",
        "ad.format IS NOT NULL", "campaign.name NOT LIKE '\\%'", "country.region = NULL", "event.name <> 'purchase'"};
    private static final String[] TAILS = {"", "", "", " TOTALS GRAND", " TOTALS GRAND COMPARE PREVIOUS_PERIOD",
        " COMPARE SAME_PERIOD_LAST_YEAR", " TIMEZONE 'Europe/Helsinki'", " TIMEZONE '+05:45'", " TOTALS GRAND",
        " COMPARE PREVIOUS_PERIOD TIMEZONE 'America/New_York'"};

    private final Random random;
    private final boolean events;

    RandomReportTexts(long seed) {
        this.random = new Random(seed);
        this.events = random.nextInt(3) == 0;
    }

    String report() {
        StringBuilder text = new StringBuilder();
        if (chance(90)) {
            text.append(events ? "FROM events " : "FROM ad_stats ");
        }
        List<String> dimensions = list(random.nextInt(3), () -> (events && chance(30) ? "event.name" : pick(DIMENSIONS))
                + alias());
        if (!dimensions.isEmpty()) {
            text.append("DIMENSIONS ").append(String.join(", ", dimensions)).append(' ');
        }
        text.append("METRICS ").append(String.join(", ", list(1 + random.nextInt(3), () -> metric(2) + alias())));
        List<String> where = new ArrayList<>();
        if (chance(90)) {
            where.add(pick(RANGES));
        }
        if (chance(40)) {
            where.add(pick(FILTERS));
        }
        if (!where.isEmpty()) {
            text.append(" WHERE ").append(String.join(" AND ", where));
        }
        if (chance(15)) {
            text.append(" HAVING ").append(metric(1)).append(pick(COMPARISONS)).append(pick(LITERALS));
        }
        if (!dimensions.isEmpty() && chance(10)) {
            text.append(" PIVOT BY ").append(dimensions.get(0).split(" AS ")[0]);
        }
        return text.append(pick(TAILS)).toString();
    }

    /** A metric: a model metric, an aggregate, or arithmetic and functions over them. */
    private String metric(int depth) {
        int choice = random.nextInt(depth > 0 ? 10 : 6);
        if (choice < 2) {
            return pick(events ? EVENT_METRICS : STATS_METRICS);
        } else if (choice < 6) {
            String aggregate = pick(AGGREGATES);
            return aggregate.endsWith("DISTINCT") ? aggregate + " " + row(2) + ")"
                    : aggregate.equals("count") && chance(30) ? "count(*)" : aggregate + "(" + row(2) + ")";
        } else if (choice < 8) {
            return metric(depth - 1) + pick(OPERATORS) + (chance(50) ? metric(depth - 1) : pick(NUMBERS));
        }
        int function = random.nextInt(METRIC_FUNCTIONS.length);
        return call(METRIC_FUNCTIONS[function], METRIC_ARITIES[function], () -> chance(70) ? metric(depth - 1)
                : pick(NUMBERS));
    }

    /** An expression over a fact row: columns, dimensions, literals, calls, CASE, arithmetic. */
    private String row(int depth) {
        int choice = random.nextInt(depth > 0 ? 10 : 5);
        if (choice < 3) {
            return chance(10) ? "date" : pick(events ? EVENT_COLUMNS : STATS_COLUMNS);
        } else if (choice < 5) {
            return pick(LITERALS);
        } else if (choice < 7) {
            int function = random.nextInt(FUNCTIONS.length);
            return call(FUNCTIONS[function], ARITIES[function], () -> row(depth - 1));
        } else if (choice < 8) {
            return "(" + row(depth - 1) + pick(OPERATORS) + row(depth - 1) + ")";
        }
        StringBuilder text = new StringBuilder("CASE");
        for (int i = 0; i < 1 + random.nextInt(2); i++) {
            text.append(" WHEN ").append(chance(70) ? row(depth - 1) + pick(COMPARISONS) + row(depth - 1) : row(depth - 1))
                    .append(" THEN ").append(row(depth - 1));
        }
        return text.append(chance(50) ? " ELSE " + row(depth - 1) : "").append(" END").toString();
    }

    /** A call, mostly with the usual number of arguments. */
    private String call(String function, int arity, Supplier<String> argument) {
        int count = chance(80) ? arity : random.nextInt(4);
        return function + "(" + String.join(", ", list(count, argument)) + ")";
    }

    private String alias() {
        return chance(20) ? " AS " + pick(ALIASES) : "";
    }

    private List<String> list(int count, Supplier<String> element) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(element.get());
        }
        return items;
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
