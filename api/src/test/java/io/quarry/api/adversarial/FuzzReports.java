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
final class FuzzReports extends Generator {

    static final List<String> DIMENSIONS = List.of("campaign.name", "campaign.status", "account.id",
            "account.name", "ad.id", "ad.format", "ad_set.name", "country.region", "event.name", "date.day",
            "date.week", "date.month", "date.year", "campaign.id", "account.currency");
    static final List<String> METRICS = List.of("spend", "clicks", "impressions", "ctr", "cpc", "roas",
            "event_count", "unique_users", "conversions", "sum(spend)", "count(*)", "count(DISTINCT ad.id)",
            "avg(spend)", "max(clicks)", "sum(spend) / nullif(sum(clicks), 0)", "spend / nullif(clicks, 0)");
    private static final List<String> CLAUSE_WORDS = List.of("DIMENSIONS", "METRICS", "WHERE", "HAVING", "ORDER BY",
            "LIMIT", "OFFSET", "PIVOT BY", "TOTALS", "COMPARE", "ACCOUNTS", "TIMEZONE", "CURRENCY", "FROM", "PARAMETERS", "AS",
            "AND", "OR", "NOT", "DURING", "BETWEEN", "IN", "LIKE", "ILIKE", "IS NULL", "CASE", "END", "DISTINCT");

    /** What the last deep or wide body was (for the suite's per-shape hang breaker). */
    String shape = "";

    FuzzReports(Random random) {
        super(random);
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
        if (chance(15)) {
            clauses.add("CURRENCY " + Payloads.literal(pick(Payloads.CURRENCIES)));
        }
        return String.join(chance(50) ? "\n" : " ", clauses);
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
     * few chains are deeper than 20 levels: nesting the parser accepts has cost the server
     * exponential time in the safety check (a NOT chain of 12, a sum of 17 terms), and a
     * computation nobody waits for any more goes on burning a core; the suite's breaker skips a
     * shape after two hangs.
     */
    String deep(boolean json) {
        List<Integer> depths = List.of(3, 6, 9, 12, 17, 20, 40, 101, 200, 1_000, 10_000, 100_000);
        int depth = depths.get(random.nextInt(depths.size()));
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
