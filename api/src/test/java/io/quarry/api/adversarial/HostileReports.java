package io.quarry.api.adversarial;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reports that are nearly right, so they reach the planner and the database: real names and
 * structure with hostile aggregates (any function, arity and type), colliding or odd aliases,
 * hostile literals, extreme dates, limits and zones; and valid reports of the isolation
 * generator with one or two such changes.
 */
final class HostileReports extends Generator {

    private static final List<String> DIMENSIONS = FuzzReports.DIMENSIONS;
    private static final List<String> METRICS = FuzzReports.METRICS;

    private final FuzzReports reports;

    HostileReports(Random random, FuzzReports reports) {
        super(random);
        this.reports = reports;
    }

    private static final List<String> COLUMNS = List.of("spend", "clicks", "impressions", "conversions",
            "conversion_value", "video_views", "reach", "user_id", "ad.id", "campaign.id", "campaign.name", "event.name",
            "date", "created_at", "day", "account.id", "ad.format");
    private static final List<String> ALIASES = List.of("__level", "\"__level\"", "spend", "campaign.name", "m1",
            "d0", "a0", "x0", "s", "r", "u", "b0", "\"" + "a".repeat(70) + "\"", "\"" + "a".repeat(63) + "1\"",
            "\"Spend\"", "\"spend\"", "\"date.day\"", "row_type", "\"\u00fc\"", "level");

    /** An aggregate over real columns, mostly one a report may ask for: any function and arity, hostile constants. */
    String aggregate(int depth) {
        if (depth <= 0 || chance(45)) {
            return switch (random.nextInt(10)) {
                case 0, 1, 2 -> pick(METRICS);
                case 3, 4 -> pick(List.of("sum", "count", "avg", "min", "max")) + "(" + (chance(15) ? "DISTINCT " : "")
                        + pick(COLUMNS) + ")";
                case 5 -> pick(Payloads.NUMBERS);
                case 6 -> Payloads.literal(Payloads.any(random));
                case 7 -> "count(*)";
                default -> pick(List.of("spend", "clicks", "ctr", "event_count", "unique_users", "roas", "cpm"));
            };
        }
        int next = depth - 1;
        return switch (random.nextInt(7)) {
            case 0, 1 -> aggregate(next) + " " + pick(List.of("+", "-", "*", "/", "%")) + " " + aggregate(next);
            case 2, 3 -> pick(List.of("nullif", "coalesce", "round", "abs", "greatest", "least", "sum", "max", "upper",
                    "length", "today", "date_trunc", "count", "avg")) + "(" + IntStream.range(0, random.nextInt(4))
                    .mapToObj(i -> aggregate(next)).collect(Collectors.joining(", ")) + ")";
            case 4 -> "sum(CASE WHEN " + pick(DIMENSIONS) + " = " + Payloads.literal(Payloads.any(random)) + " THEN "
                    + pick(COLUMNS) + " ELSE " + pick(List.of("0", "NULL", "1.5", "'x'", "spend")) + " END)";
            case 5 -> "-" + aggregate(next);
            default -> "(" + aggregate(next) + ")";
        };
    }

    /** A report whose structure is right and whose names are real, with the hostile part in one or two slots. */
    String plausible() {
        List<String> clauses = new ArrayList<>();
        if (chance(45)) {
            clauses.add("FROM " + pick(List.of("ad_stats", "ad_stats", "events")));
        }
        if (chance(75)) {
            clauses.add("DIMENSIONS " + IntStream.range(0, 1 + random.nextInt(3)).mapToObj(i -> pick(DIMENSIONS)
                    + (chance(15) ? " AS " + pick(ALIASES) : "")).collect(Collectors.joining(", ")));
        }
        clauses.add("METRICS " + IntStream.range(0, 1 + random.nextInt(3)).mapToObj(i -> aggregate(2)
                + (chance(30) ? " AS " + pick(ALIASES) : "")).collect(Collectors.joining(", ")));
        String range = pick(List.of("date BETWEEN DATE '2026-05-01' AND DATE '2026-05-31'", "date DURING LAST_90_DAYS",
                "date >= " + pick(Payloads.DATES), "date BETWEEN " + pick(Payloads.DATES) + " AND " + pick(Payloads.DATES),
                "date < " + pick(Payloads.DATES), "date >= DATE '2026-04-01' AND date < DATE '2026-07-01'"));
        clauses.add("WHERE " + (chance(85) ? range : "TRUE") + (chance(60) ? " AND " + pick(DIMENSIONS) + " "
                + pick(List.of("=", "<>", "<", ">=", "LIKE", "NOT LIKE", "ILIKE")) + " " + (chance(80)
                ? Payloads.literal(Payloads.any(random)) : reports.leaf()) : "") + (chance(10) ? " AND " + reports.condition(1) : ""));
        if (chance(15)) {
            clauses.add("HAVING " + aggregate(1) + " " + pick(List.of(">", "<", "=", "<>")) + " " + aggregate(1));
        }
        if (chance(20)) {
            clauses.add("ORDER BY " + pick(List.of("spend", "campaign.name", "m1", "__level", "\"__level\"",
                    "date.month", "1")) + pick(List.of("", " DESC", " NULLS FIRST")));
        }
        if (chance(15)) {
            clauses.add("LIMIT " + pick(Payloads.NUMBERS) + (chance(30) ? " OFFSET " + pick(Payloads.NUMBERS) : ""));
        }
        if (chance(12)) {
            clauses.add("PIVOT BY " + pick(DIMENSIONS));
        }
        if (chance(15)) {
            clauses.add("TOTALS " + pick(List.of("GRAND", "SUBTOTALS (" + pick(DIMENSIONS) + ")",
                    "GRAND, SUBTOTALS (" + pick(DIMENSIONS) + ")")));
        }
        if (chance(8)) {
            clauses.add("COMPARE " + pick(List.of("PREVIOUS_PERIOD", "SAME_PERIOD_LAST_YEAR")));
        }
        if (chance(8)) {
            clauses.add("ACCOUNTS (" + pick(List.of("1", "2", "1, 2", "9000001", "1, 1", "-1", "0")) + ")");
        }
        if (chance(15)) {
            clauses.add("TIMEZONE " + Payloads.literal(pick(Payloads.ZONES)));
        }
        if (chance(15)) {
            clauses.add("CURRENCY " + Payloads.literal(pick(Payloads.CURRENCIES)));
        }
        return String.join("\n", clauses);
    }

    private static final List<String> HOSTILE_METRICS = List.of("nullif(spend, clicks, 1)", "nullif(spend)",
            "spend % 0", "sum(spend) % 0", "round(sum(spend), 2)", "round(spend)", "sum(campaign.name)", "max(date)",
            "sum(spend) / 0", "avg(ad.format)", "coalesce(spend, 'x')", "greatest()", "abs(spend, clicks)", "least(spend)",
            "spend * 9223372036854775807", "spend + 99999999999999999999.99", "-(-spend)", "count(DISTINCT campaign.name)",
            "min(campaign.name)", "max(account.name)", "sum(1)", "count(1)", "sum(NULL)", "avg(TRUE)", "sum(DATE '2026-01-01')",
            "coalesce()", "abs()", "count(DISTINCT *)", "sum(spend) * 1e3", "spend / spend / spend / 0", "cpc % ctr",
            "sum(CASE WHEN campaign.name LIKE '\\' THEN spend END)", "sum(CASE WHEN TRUE THEN 'a' ELSE 1 END)",
            "max(today())", "sum(today() - 9223372036854775807)", "event_count / 0", "unique_users % unique_users");

    /** A valid report of the isolation generator with one or two well-formed but hostile changes. */
    String semantic(boolean json) {
        Spec spec = new SpecGenerator(random).spec(true);
        for (int i = 1 + random.nextInt(2); i > 0; i--) {
            spec = semanticChange(spec);
        }
        return json ? SpecForms.json(spec, random, false) : SpecForms.text(spec, random, false);
    }

    private Spec semanticChange(Spec spec) {
        List<Spec.MetricItem> metrics = new ArrayList<>(spec.metrics());
        List<Spec.DimItem> dims = new ArrayList<>(spec.dims());
        List<Spec.Filter> filters = new ArrayList<>(spec.filters());
        List<Integer> pivot = spec.pivot();
        Long limit = spec.limit();
        Long offset = spec.offset();
        String zone = spec.zone();
        List<Long> accounts = spec.accounts();
        switch (random.nextInt(10)) {
            case 0 -> metrics.add(new Spec.MetricItem(new Catalog.MetricDef(chance(60) ? pick(HOSTILE_METRICS)
                    : aggregate(2), spec.sources(), Catalog.constant(0)), "h" + metrics.size()));
            case 1 -> {
                if (!dims.isEmpty() && chance(40)) {
                    dims.add(dims.get(random.nextInt(dims.size())));
                } else {
                    metrics.add(metrics.get(random.nextInt(metrics.size())));
                }
            }
            case 2 -> {
                String alias = pick(List.of("__level", "level", "row_type", "spend", "campaign.name", "date.day", "d0",
                        "a0", "x0", "a".repeat(63) + "1", "a".repeat(63) + "2", "\u0000", "x\u0000y", "", " ",
                        "\"", "ü".repeat(40), Payloads.any(random)));
                int at = random.nextInt(metrics.size() + dims.size());
                if (at < metrics.size()) {
                    metrics.set(at, new Spec.MetricItem(metrics.get(at).def(), alias));
                } else {
                    dims.set(at - metrics.size(), new Spec.DimItem(dims.get(at - metrics.size()).dim(), alias));
                }
            }
            case 3 -> filters.add(switch (random.nextInt(3)) {
                case 0 -> new Spec.Compare(Catalog.Dim.CAMPAIGN_NAME, pick(List.of("=", "<>", "<", ">=")),
                        Payloads.literal(Payloads.any(random)));
                case 1 -> new Spec.Like(Catalog.Dim.CAMPAIGN_NAME, Payloads.literal(pick(List.of("\\", "%\\",
                        "\\%", "a\\", "\\\\", "%\u0000%", "[", "_%_%_%_%_%_%_%_%_%_%"))), chance(50), chance(20));
                default -> new Spec.In(Catalog.Dim.CAMPAIGN_ID, IntStream.range(0, chance(50) ? 1_001 : 3)
                        .mapToObj(i -> pick(Payloads.NUMBERS)).toList(), chance(20));
            });
            case 4 -> filters.add(new Spec.Raw(pick(List.of("date >= DATE '0001-01-01'", "date < DATE '9999-12-31'",
                    "date >= today() - 9223372036854775807", "date <= today() + 2147483647",
                    "date BETWEEN DATE '0001-01-01' AND DATE '9999-12-31'", "date >= today() - 3660",
                    "date = DATE '2026-05-01'", "date <> DATE '2026-05-01'", "date IN (DATE '2026-05-01')",
                    "date IS NULL", "date DURING LAST_YEAR", "campaign.id = 9223372036854775807",
                    "campaign.id > -9223372036854775807", "account.id = 9223372036854775807",
                    "campaign.name IN (" + IntStream.range(0, 1_001).mapToObj(i -> "'c" + i + "'")
                            .collect(Collectors.joining(", ")) + ")"))));
            case 5 -> {
                limit = one(List.of(Long.MAX_VALUE, 2_147_483_648L, 0L, 100_001L));
                offset = chance(50) ? one(List.of(Long.MAX_VALUE, 2_147_483_648L, 1_000_000L)) : offset;
            }
            case 6 -> zone = pick(Payloads.ZONES).replace("'", "");
            case 7 -> {
                Catalog.Dim wideDim = one(List.of(Catalog.Dim.DAY, Catalog.Dim.AD_ID, Catalog.Dim.CAMPAIGN_ID,
                        Catalog.Dim.CAMPAIGN_NAME, Catalog.Dim.ACCOUNT_ID));
                if (dims.stream().noneMatch(d -> d.dim() == wideDim || d.dim().isDate() && wideDim.isDate())) {
                    dims.add(new Spec.DimItem(wideDim, null));
                }
                int index = 0;
                for (int i = 0; i < dims.size(); i++) {
                    index = dims.get(i).dim() == wideDim ? i : index;
                }
                pivot = List.of(index);
            }
            case 8 -> accounts = one(List.of(List.of(1L, 1L), List.of(-1L), List.of(0L), List.of(Long.MAX_VALUE),
                    List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L)));
            default -> filters.add(new Spec.Raw(pick(DIMENSIONS) + " " + pick(List.of("=", "LIKE", "IN", "<"))
                    + " " + pick(List.of("NULL", "TRUE", "1.5", "DATE '2026-01-01'", "today()", "'\u0000'",
                    "(SELECT 1)", "spend", "-0", "''", "'%'"))));
        }
        return new Spec(spec.sources(), spec.from(), dims, metrics, spec.range(), filters, spec.having(), spec.order(),
                limit, offset, pivot, spec.totals(), spec.compare(), accounts, zone);
    }
}
