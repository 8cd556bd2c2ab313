package io.quarry.api.adversarial;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Hostile report bodies: wild reports built clause by clause from real and unreal names,
 * functions of any arity, hostile literals, huge numbers and dates; valid reports of the
 * isolation generator mutated (truncated, spliced, payloads in their strings and names);
 * deep nesting; very wide reports.
 */
final class FuzzReports {

    static final List<String> DIMENSIONS = List.of("campaign.name", "campaign.status", "account.id",
            "account.name", "ad.id", "ad.format", "ad_set.name", "country.region", "event.name", "date.day",
            "date.week", "date.month", "date.year", "campaign.id", "account.currency");
    static final List<String> METRICS = List.of("spend", "clicks", "impressions", "ctr", "cpc", "roas",
            "event_count", "unique_users", "conversions", "sum(spend)", "count(*)", "count(DISTINCT ad.id)",
            "avg(spend)", "max(clicks)", "sum(spend) / nullif(sum(clicks), 0)", "spend / nullif(clicks, 0)");
    private static final List<String> CLAUSE_WORDS = List.of("DIMENSIONS", "METRICS", "WHERE", "HAVING", "ORDER BY",
            "LIMIT", "OFFSET", "PIVOT BY", "TOTALS", "COMPARE", "ACCOUNTS", "TIMEZONE", "FROM", "PARAMETERS", "AS",
            "AND", "OR", "NOT", "DURING", "BETWEEN", "IN", "LIKE", "ILIKE", "IS NULL", "CASE", "END", "DISTINCT");

    private final Random random;
    /** What the last deep or wide body was (for the suite's per-shape hang breaker). */
    String shape = "";

    FuzzReports(Random random) {
        this.random = random;
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> T one(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    String leaf() {
        return switch (random.nextInt(12)) {
            case 0, 1, 2 -> pick(Payloads.NAMES);
            case 3 -> pick(Payloads.NUMBERS);
            case 4, 5 -> Payloads.literal(Payloads.any(random));
            case 6 -> pick(Payloads.DATES);
            case 7 -> pick(List.of("TRUE", "FALSE", "NULL"));
            case 8 -> ":" + pick(List.of("from", "to", "x", "top", "status", "p1"));
            case 9 -> pick(DIMENSIONS);
            default -> pick(METRICS);
        };
    }

    String expression(int depth) {
        if (depth <= 0 || chance(30)) {
            return leaf();
        }
        int next = depth - 1;
        return switch (random.nextInt(9)) {
            case 0 -> expression(next) + " " + pick(List.of("+", "-", "*", "/", "%")) + " " + expression(next);
            case 1 -> call(next);
            case 2 -> call(next);
            case 3 -> "CASE WHEN " + condition(next) + " THEN " + expression(next)
                    + (chance(50) ? " ELSE " + expression(next) : "") + " END";
            case 4 -> "-" + expression(next);
            case 5 -> "(" + expression(next) + ")";
            case 6 -> pick(List.of("sum", "count", "avg", "min", "max")) + "(" + (chance(20) ? "DISTINCT " : "")
                    + expression(next) + ")";
            default -> leaf();
        };
    }

    private String call(int depth) {
        String name = pick(Payloads.FUNCTIONS);
        if (chance(10)) {
            return name + "(*)";
        }
        int arity = random.nextInt(5);
        return name + "(" + (chance(10) ? "DISTINCT " : "") + IntStream.range(0, arity)
                .mapToObj(i -> expression(depth)).collect(Collectors.joining(", ")) + ")";
    }

    String condition(int depth) {
        int next = Math.max(0, depth - 1);
        return switch (random.nextInt(11)) {
            case 0 -> expression(next) + " " + pick(List.of("=", "<>", "!=", "<", "<=", ">", ">=")) + " " + expression(next);
            case 1 -> pick(DIMENSIONS) + (chance(20) ? " NOT" : "") + " IN (" + IntStream.range(0, chance(5) ? 1001
                    : 1 + random.nextInt(4)).mapToObj(i -> leaf()).collect(Collectors.joining(", ")) + ")";
            case 2 -> expression(next) + " BETWEEN " + expression(next) + " AND " + expression(next);
            case 3 -> pick(DIMENSIONS) + (chance(20) ? " NOT" : "") + (chance(50) ? " LIKE " : " ILIKE ")
                    + Payloads.literal(pick(List.of("\\", "%\\", "\\%", "a\\", "%", "_", "[a-z]", "%'%", "\\\\")))
                    + (chance(10) ? " ESCAPE '\\'" : "");
            case 4 -> expression(next) + " IS " + (chance(50) ? "NOT " : "") + "NULL";
            case 5 -> "date DURING " + pick(List.of("LAST_30_DAYS", "TODAY", "LAST_9999_DAYS", "NEVER", "THIS_YEAR"));
            case 6 -> "date " + pick(List.of(">=", "<", "=", "BETWEEN")) + " " + pick(Payloads.DATES)
                    + (chance(30) ? " AND " + pick(Payloads.DATES) : "");
            case 7 -> "NOT " + condition(next);
            case 8 -> condition(next) + " AND " + condition(next);
            case 9 -> condition(next) + " OR " + condition(next);
            default -> pick(DIMENSIONS) + " = " + Payloads.literal(Payloads.any(random));
        };
    }

    private String items(List<String> valid, int max) {
        int count = chance(3) ? 1_665 + random.nextInt(50) : 1 + random.nextInt(max);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String item = chance(60) ? pick(valid) : expression(2);
            if (chance(25)) {
                item += " AS " + pick(List.of("m", "x", "spend", "campaign.name", "\"__level\"", "__level",
                        "\"Spend (EUR)\"", "\"" + "a".repeat(70) + "\"", "\"a\"\"b\"", "\"\u0000\"", "\"\"", "order",
                        "\"" + Payloads.any(random).replace("\"", "\"\"") + "\"", "m" + i));
            }
            items.add(item);
            if (chance(5)) {
                items.add(item);
            }
        }
        return String.join(", ", items);
    }

    /** A report built clause by clause, half of it from real names, the rest from anything. */
    String wild() {
        List<String> clauses = new ArrayList<>();
        if (chance(10)) {
            clauses.add("PARAMETERS (" + pick(List.of("from", "to", "x", "order", "p")) + " "
                    + pick(List.of("DATE", "STRING", "INTEGER", "DECIMAL", "BOOLEAN", "TIMESTAMP", "date"))
                    + (chance(50) ? " DEFAULT " + leaf() : "") + ")");
        }
        if (chance(15)) {
            clauses.add("FROM " + pick(List.of("ad_stats", "events", "accounts", "ad_stats_daily", "x", "\"events\"")));
        }
        boolean dims = chance(65);
        if (dims) {
            clauses.add("DIMENSIONS " + items(DIMENSIONS, 4));
        }
        if (!dims || chance(80)) {
            clauses.add("METRICS " + items(METRICS, 4));
        }
        if (chance(70)) {
            clauses.add("WHERE " + (chance(60) ? "date BETWEEN DATE '2026-05-01' AND DATE '2026-05-31' AND " : "")
                    + condition(2));
        }
        if (chance(15)) {
            clauses.add("HAVING " + condition(2));
        }
        if (chance(20)) {
            clauses.add("ORDER BY " + expression(1) + pick(List.of("", " DESC", " ASC NULLS FIRST", " DESC NULLS LAST")));
        }
        if (chance(15)) {
            clauses.add("LIMIT " + pick(List.of(pick(Payloads.NUMBERS), ":top", "-1", "1.5", "'10'")));
        }
        if (chance(10)) {
            clauses.add("OFFSET " + pick(List.of(pick(Payloads.NUMBERS), ":skip", "-1")));
        }
        if (chance(10)) {
            clauses.add("PIVOT BY " + pick(DIMENSIONS) + (chance(30) ? ", " + expression(1) : ""));
        }
        if (chance(15)) {
            clauses.add("TOTALS " + pick(List.of("GRAND", "SUBTOTALS (" + pick(DIMENSIONS) + ")",
                    "GRAND, SUBTOTALS (" + expression(1) + ")", "GRAND, GRAND", "SUBTOTALS ()")));
        }
        if (chance(10)) {
            clauses.add("COMPARE " + pick(List.of("PREVIOUS_PERIOD", "SAME_PERIOD_LAST_YEAR", "NEXT_YEAR")));
        }
        if (chance(15)) {
            clauses.add("ACCOUNTS (" + IntStream.range(0, 1 + random.nextInt(3)).mapToObj(i -> pick(List.of("1", "2",
                    "3", "9000001", "-1", "0", "9223372036854775807", "99999999999999999999", ":a", "1.5", "'1'")))
                    .collect(Collectors.joining(", ")) + ")");
        }
        if (chance(20)) {
            clauses.add("TIMEZONE " + Payloads.literal(pick(Payloads.ZONES)));
        }
        return String.join(chance(50) ? "\n" : " ", clauses);
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
                ? Payloads.literal(Payloads.any(random)) : leaf()) : "") + (chance(10) ? " AND " + condition(1) : ""));
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
                    : aggregate(2), spec.sources(), Catalog.constant(0), false), "h" + metrics.size()));
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

    /** A valid report of the isolation generator, in text or JSON, then damaged a little. */
    String mutated(boolean json) {
        Spec spec = new SpecGenerator(random).spec(true);
        String valid = json ? SpecForms.json(spec, random, false) : SpecForms.text(spec, random, false);
        String text = valid;
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            text = mutate(text);
        }
        return text;
    }

    String mutate(String text) {
        if (text.isEmpty()) {
            return Payloads.any(random);
        }
        int at = random.nextInt(text.length() + 1);
        int end = Math.min(text.length(), at + random.nextInt(20));
        return switch (random.nextInt(11)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + text.substring(end);
            case 2 -> text.substring(0, end) + text.substring(at, end) + text.substring(end);
            case 3 -> text.substring(0, at) + Payloads.any(random) + text.substring(at);
            case 4 -> replaceString(text);
            case 5 -> text.replaceFirst("[0-9]+", Matcher.quoteReplacement(pick(Payloads.NUMBERS)));
            case 6 -> text.substring(0, at) + (char) random.nextInt(32) + text.substring(at);
            case 7 -> text.substring(0, at) + " " + pick(CLAUSE_WORDS) + " " + text.substring(at);
            case 8 -> text.replaceFirst("(?i)campaign\\.\\w+|ad\\.\\w+|spend|clicks|date\\.\\w+",
                    Matcher.quoteReplacement(pick(Payloads.NAMES)));
            case 9 -> text.substring(0, at) + text.substring(at, end).toUpperCase() + text.substring(end);
            default -> text.substring(0, at) + Payloads.randomText(random, 1 + random.nextInt(8)) + text.substring(at);
        };
    }

    /** A string literal's content replaced by a hostile one (quotes doubled, so it still parses). */
    private String replaceString(String text) {
        int start = text.indexOf('\'', random.nextInt(Math.max(1, text.length())));
        if (start < 0) {
            start = text.indexOf('\'');
        }
        int end = start < 0 ? -1 : text.indexOf('\'', start + 1);
        if (end < 0) {
            return text + " " + Payloads.literal(Payloads.any(random));
        }
        String content = Payloads.any(random).replace("'", "''");
        if (text.startsWith("{")) {
            content = Json.quote(content);
            content = content.substring(1, content.length() - 1);
        }
        return text.substring(0, start + 1) + content + text.substring(end);
    }

    /**
     * Nesting within and beyond the parser's limit of 100, in the text form and in JSON. Within it,
     * chains stay at a dozen levels or less: deeper ones that the parser accepts may cost the
     * server exponential time (a NOT chain did), and a computation nobody waits for any more
     * would go on burning a core for the rest of the run.
     */
    String deep(boolean json) {
        int depth = List.of(3, 6, 9, 12, 101, 200, 1_000, 10_000, 100_000).get(random.nextInt(9));
        if (json) {
            int variant = random.nextInt(3);
            shape = "deep JSON " + List.of("arrays", "objects", "parentheses").get(variant);
            return switch (variant) {
                case 0 -> "{\"metrics\": " + "[".repeat(depth) + "\"spend\"" + "]".repeat(depth) + "}";
                case 1 -> "{\"metrics\": [\"spend\"], \"x\": " + "{\"a\": ".repeat(depth) + "1" + "}".repeat(depth) + "}";
                default -> "{\"metrics\": [" + Json.quote("(".repeat(depth) + "spend" + ")".repeat(depth)) + "]}";
            };
        }
        int variant = random.nextInt(6);
        shape = "deep " + List.of("parentheses", "negations", "sums", "CASE", "aggregates", "NOT").get(variant);
        return switch (variant) {
            case 0 -> "METRICS " + "(".repeat(depth) + "spend" + ")".repeat(depth);
            case 1 -> "METRICS " + "-".repeat(depth) + "spend";
            case 2 -> "METRICS spend" + " + spend".repeat(depth);
            case 3 -> "METRICS " + "CASE WHEN TRUE THEN ".repeat(Math.min(depth, 5_000)) + "spend"
                    + " END".repeat(Math.min(depth, 5_000));
            case 4 -> "METRICS " + "sum(".repeat(depth) + "spend" + ")".repeat(depth);
            default -> "METRICS spend WHERE " + "NOT ".repeat(depth) + "campaign.status = 'ACTIVE'";
        };
    }

    /** Very wide or very long reports: thousands of columns, huge IN lists, identifiers past every limit. */
    String wide() {
        int variant = random.nextInt(6);
        shape = "wide " + List.of("1700 columns", "IN list", "long alias", "long string", "200 dimensions",
                "2000 ORs").get(variant);
        return switch (variant) {
            case 0 -> "DIMENSIONS campaign.name METRICS " + IntStream.range(0, 1_700).mapToObj(i -> "spend AS m" + i)
                    .collect(Collectors.joining(", "));
            case 1 -> "METRICS spend WHERE campaign.id IN (" + IntStream.range(0, 1_000 + random.nextInt(3))
                    .mapToObj(String::valueOf).collect(Collectors.joining(", ")) + ")";
            case 2 -> "METRICS spend AS \"" + "x".repeat(100 + random.nextInt(300_000)) + "\"";
            case 3 -> "METRICS spend WHERE campaign.name = '" + "y".repeat(262_100 + random.nextInt(100)) + "'";
            case 4 -> "DIMENSIONS " + IntStream.range(0, 200).mapToObj(i -> pick(DIMENSIONS))
                    .collect(Collectors.joining(", ")) + " METRICS spend";
            default -> "METRICS spend WHERE " + IntStream.range(0, 2_000).mapToObj(i -> "campaign.id = " + i)
                    .collect(Collectors.joining(" OR "));
        };
    }
}
