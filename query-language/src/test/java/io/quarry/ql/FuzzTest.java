package io.quarry.ql;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.ql.ast.Report;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing with a fixed number of cases (about five seconds; most of it is the exact
 * expected-token probe on the error path): random bytes, random Unicode, token
 * soup and mutations of valid reports, in both forms. Every input must give a report or a
 * {@link QueryLanguageException}; any other throwable fails the test. Every accepted input must also
 * round-trip through the formatter.
 */
class FuzzTest {

    private static final long SEED = 20_260_101L;
    private static final String[] TOKENS = {
        "DIMENSIONS", "METRICS", "WHERE", "HAVING", "ORDER", "BY", "LIMIT", "OFFSET", "PIVOT", "TOTALS", "GRAND",
        "SUBTOTALS", "COMPARE", "ACCOUNTS", "TIMEZONE", "PARAMETERS", "FROM", "DEFAULT", "AS", "AND", "OR", "NOT",
        "IN", "BETWEEN", "LIKE", "ILIKE", "IS", "NULL", "TRUE", "FALSE", "DURING", "DATE", "CASE", "WHEN", "THEN",
        "ELSE", "END", "DISTINCT", "ASC", "DESC", "NULLS", "FIRST", "LAST", "(", ")", ",", ".", "=", "<>", "!=", "<",
        "<=", ">", ">=", "+", "-", "*", "/", "%", "'x'", "'it''s'", "\"q\"", "1", "2.5", ":p", "campaign", "name",
        "sum", "count", "LAST_30_DAYS", "PREVIOUS_PERIOD", "'UTC'", "STRING", "--c\n", "/*c*/", "'", "\"", "/*",
        "#", "\n"};
    private static final String VALID = """
            PARAMETERS (from DATE DEFAULT DATE '2026-01-01', status STRING)
            FROM ads
            DIMENSIONS campaign.name, date.week AS week
            METRICS impressions, sum(spend) / nullif(sum(clicks), 0) AS cpc, count(DISTINCT ad.id)
            WHERE campaign.status IN ('ACTIVE', :status) AND date DURING LAST_30_DAYS AND NOT x IS NULL
            HAVING clicks > 100 OR CASE WHEN a THEN 1 ELSE -2.5 END < 3
            ORDER BY spend DESC NULLS LAST, campaign.name
            LIMIT 50 OFFSET 10
            PIVOT BY date.week
            TOTALS GRAND, SUBTOTALS (campaign.name)
            COMPARE PREVIOUS_PERIOD
            ACCOUNTS (101, 102)
            TIMEZONE 'Europe/Helsinki'
            """;

    private final Random random = new Random(SEED);
    private int accepted;
    private int rejected;

    @Test
    void text() {
        String validJson = RoundTrip.FORMATTER.toJson(RoundTrip.PARSER.parseText(VALID));
        for (int i = 0; i < 700; i++) {
            String input = switch (i % 5) {
                case 0 -> randomBytes();
                case 1 -> randomUnicode();
                case 2 -> tokenSoup();
                default -> mutate(VALID);
            };
            check(input, RoundTrip.PARSER::parseText);
        }
        for (int i = 0; i < 300; i++) {
            check(i % 3 == 0 ? randomBytes() : mutate(validJson), RoundTrip.PARSER::parseJson);
        }
        for (int i = 0; i < 300; i++) {
            String input = i % 2 == 0 ? tokenSoup() : mutate("sum(spend) / nullif(sum(clicks), 0) > 1 AND x IN (1, 2)");
            try {
                RoundTrip.expression(input);
                accepted++;
            } catch (QueryLanguageException e) {
                rejected++;
            } catch (Throwable e) {
                throw new AssertionError("unexpected " + e + " for expression input: " + input, e);
            }
        }
        // Both outcomes must be exercised, or the fuzzer tests nothing.
        assertThat(accepted).isGreaterThan(50);
        assertThat(rejected).isGreaterThan(500);
    }

    private void check(String input, Function<String, Report> parse) {
        Report report;
        try {
            report = parse.apply(input);
        } catch (QueryLanguageException e) {
            assertThat(e.getMessage()).startsWith("line " + e.line() + ":" + e.column() + ": ");
            assertThat(e.line()).isPositive();
            assertThat(e.column()).isPositive();
            rejected++;
            return;
        } catch (Throwable e) {
            throw new AssertionError("unexpected " + e + " for input: " + input, e);
        }
        try {
            RoundTrip.check(report);
        } catch (Throwable e) {
            throw new AssertionError("accepted input does not round-trip: " + input, e);
        }
        accepted++;
    }

    private String randomBytes() {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        return random.nextBoolean() ? new String(bytes, StandardCharsets.UTF_8)
                : new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private String randomUnicode() {
        StringBuilder out = new StringBuilder("METRICS ");
        int length = random.nextInt(80);
        for (int i = 0; i < length; i++) {
            int codePoint = random.nextInt(4) == 0 ? random.nextInt(0x80) : random.nextInt(0x11_0000);
            if (Character.isValidCodePoint(codePoint)) {
                out.appendCodePoint(codePoint);
            }
        }
        return out.toString();
    }

    private String tokenSoup() {
        StringBuilder out = new StringBuilder(random.nextBoolean() ? "METRICS " : "");
        int length = random.nextInt(30);
        for (int i = 0; i < length; i++) {
            out.append(TOKENS[random.nextInt(TOKENS.length)]).append(random.nextInt(4) == 0 ? "" : " ");
        }
        return out.toString();
    }

    private String mutate(String valid) {
        StringBuilder out = new StringBuilder(valid);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && out.length() > 0; i++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(4)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 2 -> out.setCharAt(at, (char) (0x20 + random.nextInt(0x5F)));
                default -> {
                    int end = Math.min(out.length(), at + random.nextInt(20));
                    out.delete(at, end);
                }
            }
        }
        return out.toString();
    }
}
