package io.quarry.api.adversarial;

import java.util.List;
import java.util.Random;

/** Hostile and awkward values the fuzzer puts in every slot of a request. */
final class Payloads {

    private Payloads() {
    }

    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1", "'; DROP TABLE accounts; --", "\") OR 1=1 --", "1; SELECT pg_sleep(10)",
            "' UNION SELECT name FROM accounts --", "$$; DROP TABLE campaigns; $$", "E'\\\\x00'", "\\'", "\\",
            "'||(SELECT current_user)||'", "9000001) OR (1=1", "*/ OR 1=1 /*", "%' AND account_id <> 0 --",
            "'", "\"", "\"\"", "`", ";", "::text", "pg_sleep(30)", "'); COPY accounts TO '/tmp/x'; --",
            "account_id = ANY('{9000001}')", "1=1) UNION ALL SELECT * FROM ad_stats_daily --", "%", "_", "%_%",
            "\\%", "\\_", "'\\'", "ESCAPE '\\'", "set_config('search_path', 'x', false)", "$1", "?", "?::bigint[]",
            ":from", "::", "--", "/*", "*/", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "<script>alert(1)</script>",
            "../../etc/passwd", "%00", "%2e%2e%2f", "\r\nX-Injected: 1", "NULL", "null", "true", "DEFAULT");

    static final List<String> ODD_TEXT = List.of(
            "", " ", "\u0000", "a\u0000b", "\u0001\u0002\u0003\u007f", "\t\n\r\u000b\u000c", "\u0085\u2028\u2029",
            "\uFEFF", "\u200B\u200C\u200D", "\u202Ea\u202C", "\uD800", "\uDFFF", "\uD83D\uDE00", "e\u0301\u0301\u0301",
            "\uFF21\uFF22", "\u0130\u0131", "\u00DF", "\u01C5", "\u03A3\u03C2", "\uFFFD", "\uFFFF", "\uFDD0",
            "\u00A0", "\u3000", "ZALGO\u0336\u0337\u0338", "\u0000'\u0000", "'\u0000'", "x".repeat(64), "y".repeat(63),
            "\u00E9".repeat(40), "\uD83D\uDE00".repeat(20), "z".repeat(10_000), "\\u0000", "%s%n%x", "\u001b[31m");

    static final List<String> NUMBERS = List.of(
            "0", "-0", "1", "-1", "2147483647", "2147483648", "4294967296", "9007199254740993", "9223372036854775807",
            "9223372036854775808", "-9223372036854775808", "99999999999999999999999999999999", "1e308", "1e309",
            "1E-400", "0.1", "1.50", "1.", ".5", "00001", "0x10", "NaN", "Infinity", "-Infinity", "1_000", "3660",
            "3661", "1000", "1001", "100000", "100001", "200", "201", "1664", "1665", "9000001");

    static final List<String> DATES = List.of(
            "DATE '0001-01-01'", "DATE '9999-12-31'", "DATE '2026-02-29'", "DATE '2024-02-29'", "DATE '1970-01-01'",
            "DATE '294276-01-01'", "DATE '2026-13-01'", "DATE ''", "DATE 'today'", "DATE 'infinity'",
            "DATE '-infinity'", "DATE '2026-06-14'", "today()", "today() - 9223372036854775807",
            "today() + 9223372036854775807", "today() - 2147483648", "today() + 1000000", "today() - 3661",
            "today() - 7", "today() * 2", "today() - today()", "today(1)", "today() - 1.5", "today() - 'x'",
            "DATE '2026-06-14' + 1", "DATE '2026-06-14' - DATE '2026-01-01'");

    /** Reporting currencies: with rates, without (XTS), and not codes at all. */
    static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "XTS", "eur", "EURO", "", "E\u00dcR", "'; --");

    static final List<String> ZONES = List.of(
            "UTC", "+14:00", "-12:00", "+18:00", "-18:00", "+18:01", "Z", "GMT+5", "Etc/GMT-14", "EST", "SystemV/EST5",
            "America/Argentina/ComodRivadavia", "Asia/Tehran", "", " UTC", "utc", "Europe/Helsinki\u0000",
            "Mars/Olympus", "+02:00:30", "UTC+01:00", "posixrules", "localtime", "'", "America/New_York' --");

    static final List<String> NAMES = List.of(
            "campaign.name", "campaign.status", "account.id", "account.name", "ad.id", "ad_set.name", "country.region",
            "event.name", "date", "date.day", "date.week", "date.month", "date.quarter", "date.year", "date.hour",
            "date.day.day", "spend", "clicks", "impressions", "ctr", "cpc", "roas", "event_count", "unique_users",
            "conversion_value", "video_views", "reach", "user_id", "created_at", "day", "account_id", "campaign_id",
            "__level", "\"__level\"", "\"campaign.name\"", "\"Campaign\".\"Name\"", "accounts.name", "ad_stats_daily",
            "pg_catalog.pg_user.usename", "information_schema.tables", "event.from", "campaign.budget", "x",
            "\"" + "a".repeat(70) + "\"", "a".repeat(70), "\"\u00FC\"", "\"a\"\"b\"", "\"\"", "\"x\u0000\"",
            "\"'; DROP TABLE accounts; --\"");

    static final List<String> FUNCTIONS = List.of(
            "sum", "count", "avg", "min", "max", "nullif", "coalesce", "today", "round", "abs", "greatest", "least",
            "length", "lower", "upper", "trim", "substr", "date_trunc", "pg_sleep", "current_user", "version", "now",
            "random", "generate_series", "concat", "format", "to_char", "cast", "lag", "approx_distinct",
            "count_distinct", "SUM", "\"sum\"", "\"My Func\"", "pg_read_file", "dblink");

    static final List<String> CONTENT_TYPES = List.of(
            "text/plain", "application/json", "text/plain; charset=utf-8", "application/json; charset=utf-8",
            "text/plain; charset=utf-16", "application/json; charset=latin1", "text/plain; charset=nope",
            "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "text/csv",
            "application/problem+json", "*/*", "text/*", "application/json, text/plain", "", ";", "text",
            "application/json;;;", "APPLICATION/JSON", "text/plain; q=0.1", "application/octet-stream",
            "application/vnd.api+json", "text/plain\u00FF", "application/json; boundary=\"\u0000\"");

    static final List<String> ACCEPTS = List.of(
            "application/json", "text/csv", "application/x-ndjson", "*/*", "text/html", "image/png",
            "application/json;q=0", "*/*;q=0", "text/csv, application/json;q=0.1", "application/x-ndjson;q=2",
            "application/problem+json", "", ",,,", "text/csv;charset=utf-16", "application/xml", "a/b/c", "*",
            "application/json; q=abc", "text/plain", "TEXT/CSV", "application/*", "text/csv;q=0.5, */*;q=0.1");

    static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Any hostile string: an injection, odd text, a number or a name. */
    static String any(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> pick(random, INJECTIONS);
            case 1 -> pick(random, ODD_TEXT);
            case 2 -> pick(random, NUMBERS);
            default -> pick(random, NAMES);
        };
    }

    /** A report-language string literal holding {@code text} (quotes doubled). */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A random string of code points from anywhere (surrogates and non-characters included). */
    static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            if (kind < 5) {
                text.append((char) (32 + random.nextInt(95)));
            } else if (kind < 7) {
                text.append((char) random.nextInt(32));
            } else if (kind < 9) {
                text.append((char) random.nextInt(0x10000));
            } else {
                text.appendCodePoint(0x10000 + random.nextInt(0x100000));
            }
        }
        return text.toString();
    }
}
