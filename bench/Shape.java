package bench;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * A report shape of the end-to-end benchmark: {@code accounts} is what the token may read and what the
 * direct plan is for. Also the throughput run's small report and the accounts it cycles over.
 */
record Shape(String key, String title, String endpoint, String accept, String report, Set<Long> accounts) {

    static final String END = "2026-10-31";

    /** Accounts 1..8 hold 1,111,640 (ad, day) rows in the benchmark preset (1..7: 1,006,894). */
    static final int EXPORT_ACCOUNTS = 8;

    /** The throughput report: a small dashboard tile, last 7 days by campaign, for the token's one account. */
    static final String SMALL_REPORT = "DIMENSIONS campaign.name METRICS impressions, clicks, spend, ctr"
            + " WHERE date BETWEEN DATE '2026-10-25' AND DATE '" + END + "'";

    /** Every tenth account: 100 accounts spread over the whole size distribution (1 is the largest). */
    static final List<Long> THROUGHPUT_ACCOUNTS = LongStream.iterate(1, id -> id <= 1000, id -> id + 10).boxed().toList();

    boolean export() {
        return accept.equals("text/csv");
    }

    boolean singleAccount() {
        return key.startsWith("single");
    }

    /** The report shapes of issue 7, at the data's fixed end date (bench/run loads up to {@value #END}). */
    static List<Shape> all() {
        Set<Long> fifty = accounts(1, 50);
        Set<Long> export = accounts(1, EXPORT_ACCOUNTS);
        return List.of(
                new Shape("single-30d-by-campaign", "(a) one account, 30 days, by campaign", "/api/v1/reports/query",
                        "application/json", "DIMENSIONS campaign.name METRICS impressions, clicks, spend, ctr, cpc"
                        + " WHERE date BETWEEN DATE '2026-10-02' AND DATE '" + END + "' ACCOUNTS (7)", Set.of(7L)),
                new Shape("single-90d-by-day", "(b) one account, 90 days, by day", "/api/v1/reports/query",
                        "application/json", "DIMENSIONS date.day METRICS impressions, clicks, spend, conversions, roas"
                        + " WHERE date BETWEEN DATE '2026-08-03' AND DATE '" + END + "' ACCOUNTS (7)", Set.of(7L)),
                new Shape("pivot-50-accounts", "(c) 50 accounts, pivot month x campaign status, totals",
                        "/api/v1/reports/pivot", "application/json",
                        "DIMENSIONS campaign.status, date.month METRICS spend, clicks, ctr"
                        + " WHERE date BETWEEN DATE '2026-05-01' AND DATE '" + END + "' PIVOT BY date.month"
                        + " ACCOUNTS (" + list(fifty) + ") CURRENCY 'EUR'", fifty),
                new Shape("csv-export", "(d) CSV export, ad x day, accounts 1-" + EXPORT_ACCOUNTS + ", 365 days",
                        "/api/v1/reports/query", "text/csv",
                        "FROM ad_stats DIMENSIONS ad.id, date.day METRICS impressions, clicks, ctr"
                        + " WHERE date BETWEEN DATE '2025-11-01' AND DATE '" + END + "' ACCOUNTS (" + list(export) + ")",
                        export));
    }

    private static Set<Long> accounts(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().collect(Collectors.toCollection(TreeSet::new));
    }

    private static String list(Set<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
