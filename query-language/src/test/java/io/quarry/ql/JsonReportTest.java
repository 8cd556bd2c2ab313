package io.quarry.ql;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.ql.ast.Report;
import org.junit.jupiter.api.Test;

/** The JSON form: each spelling means the same as the text form, and round-trips in both forms. */
class JsonReportTest {

    private static void sameReport(String json, String text) {
        assertThat(RoundTrip.json(json)).isEqualTo(RoundTrip.text(text));
    }

    @Test
    void dimensionsAndMetricsAsStringsOrObjects() {
        sameReport("""
                {"dimensions": ["campaign.name", {"expression": "date.week", "as": "week"}],
                 "metrics": ["clicks", {"expression": "sum(spend) / nullif(sum(clicks), 0)", "as": "CPC"}]}
                """, "DIMENSIONS campaign.name, date.week AS week METRICS clicks, sum(spend) / nullif(sum(clicks), 0) AS cpc");
    }

    @Test
    void whereAsOneStringOrAnArrayOfConditions() {
        String text = "METRICS clicks WHERE campaign.status = 'ACTIVE' AND date DURING LAST_7_DAYS";
        sameReport("{\"metrics\": [\"clicks\"], \"where\": \"campaign.status = 'ACTIVE' AND date DURING LAST_7_DAYS\"}",
                text);
        sameReport("{\"metrics\": [\"clicks\"], \"where\": [\"campaign.status = 'ACTIVE'\", \"date DURING LAST_7_DAYS\"]}",
                text);
        sameReport("{\"metrics\": [\"clicks\"], \"where\": [\"a OR b\"]}", "METRICS clicks WHERE a OR b");
        sameReport("{\"metrics\": [\"clicks\"], \"where\": [\"a OR b\", \"c\"]}", "METRICS clicks WHERE (a OR b) AND c");
        sameReport("{\"metrics\": [\"clicks\"], \"where\": []}", "METRICS clicks");
    }

    @Test
    void having() {
        sameReport("{\"dimensions\": [\"campaign.name\"], \"metrics\": [\"clicks\"], \"having\": \"clicks > 100\"}",
                "DIMENSIONS campaign.name METRICS clicks HAVING clicks > 100");
    }

    @Test
    void orderLimitOffset() {
        sameReport("""
                {"metrics": ["clicks"],
                 "orderBy": [{"expression": "spend", "direction": "desc", "nulls": "last"}, "campaign.name",
                             {"expression": "clicks", "nulls": "FIRST"}, {"expression": "cpc", "direction": "ASC"}],
                 "limit": 50, "offset": ":skip"}
                """, "METRICS clicks ORDER BY spend DESC NULLS LAST, campaign.name, clicks NULLS FIRST, cpc "
                + "LIMIT 50 OFFSET :skip");
        sameReport("{\"metrics\": [\"clicks\"], \"limit\": \"10\"}", "METRICS clicks LIMIT 10");
    }

    @Test
    void pivotTotalsCompareAccountsTimezone() {
        sameReport("""
                {"dimensions": ["campaign.name"], "metrics": ["clicks"], "pivotBy": ["date.month"],
                 "totals": {"grand": true, "subtotals": ["campaign.name"]}, "compare": "same_period_last_year",
                 "accounts": [101, ":acct"], "timezone": "Europe/Helsinki"}
                """, "DIMENSIONS campaign.name METRICS clicks PIVOT BY date.month TOTALS GRAND, SUBTOTALS (campaign.name) "
                + "COMPARE SAME_PERIOD_LAST_YEAR ACCOUNTS (101, :acct) TIMEZONE 'Europe/Helsinki'");
        sameReport("{\"metrics\": [\"clicks\"], \"totals\": {\"subtotals\": [\"a\"]}}",
                "METRICS clicks TOTALS SUBTOTALS (a)");
    }

    @Test
    void parametersAndDataset() {
        sameReport("""
                {"parameters": [{"name": "from", "type": "date", "default": "DATE '2026-01-01'"},
                                {"name": "Status", "type": "STRING", "default": null}],
                 "from": "ads", "metrics": ["clicks"], "where": ["date >= :from", "campaign.status = :status"]}
                """, "PARAMETERS (from DATE DEFAULT DATE '2026-01-01', status STRING) FROM ads METRICS clicks "
                + "WHERE date >= :from AND campaign.status = :status");
    }

    @Test
    void nullMeansAbsent() {
        sameReport("""
                {"metrics": ["clicks"], "dimensions": null, "where": null, "limit": null, "totals": null,
                 "orderBy": [{"expression": "x", "direction": null, "nulls": null}]}
                """, "METRICS clicks ORDER BY x");
    }

    @Test
    void canonicalJson() {
        Report report = RoundTrip.text("DIMENSIONS campaign.name METRICS clicks AS \"Clicks\" WHERE a AND b LIMIT 5");
        assertThat(RoundTrip.FORMATTER.toJson(report)).isEqualTo("""
                {
                  "dimensions": [
                    "campaign.name"
                  ],
                  "metrics": [
                    {
                      "expression": "clicks",
                      "as": "\\"Clicks\\""
                    }
                  ],
                  "where": [
                    "a",
                    "b"
                  ],
                  "limit": 5
                }
                """);
    }
}
