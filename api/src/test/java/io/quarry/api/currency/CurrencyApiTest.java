package io.quarry.api.currency;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.ApiTest;
import io.quarry.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Money across currencies through the real server: a report adding money of accounts in two
 * currencies is refused at its metric until it names a CURRENCY; with one, the money columns
 * carry the code; a currency without rates is refused at the clause; one currency needs none.
 */
@MicronautTest
class CurrencyApiTest extends ApiTest {

    private static final String REPORT = "DIMENSIONS campaign.status\nMETRICS clicks, spend WHERE date DURING LAST_30_DAYS";

    private final Map<Long, String> currencies = new LinkedHashMap<>();
    private long first;
    private long second;

    @BeforeAll
    void twoAccountsInDifferentCurrencies() throws Exception {
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT account_id, currency FROM accounts ORDER BY account_id")) {
            while (rows.next()) {
                currencies.put(rows.getLong(1), rows.getString(2));
            }
        }
        first = currencies.keySet().iterator().next();
        second = currencies.keySet().stream().filter(a -> !currencies.get(a).equals(currencies.get(first)))
                .findFirst().orElseThrow(() -> new IllegalStateException("one currency only: " + currencies));
    }

    @Test
    void moneyOfTwoCurrenciesIsRefusedAtTheMetricThatAddsIt() {
        String body = error(report("/api/v1/reports/query", REPORT, token("fx", List.of(first, second))), 422);
        assertThat(body).contains("\"code\":\"MIXED_CURRENCIES\"", "\"line\":2", "spend adds money of accounts in",
                "add CURRENCY");
    }

    @Test
    void aReportingCurrencyConvertsAndTheMoneyColumnsSayWhichItIs() {
        String body = client.toBlocking().retrieve(report("/api/v1/reports/query", REPORT + "\nCURRENCY 'EUR'",
                token("fx", List.of(first, second))));
        assertThat(body).contains("\"currency\":\"EUR\"");
    }

    @Test
    void aCurrencyWithoutRatesIsRefusedAtTheClause() {
        String body = error(report("/api/v1/reports/query", REPORT + "\nCURRENCY 'XTS'",
                token("fx", List.of(first, second))), 422);
        assertThat(body).contains("\"code\":\"MISSING_EXCHANGE_RATE\"", "no exchange rate for XTS", "\"line\":3");
    }

    @Test
    void accountsOfOneCurrencyNeedNoClause() {
        String body = client.toBlocking().retrieve(report("/api/v1/reports/query", REPORT, token("fx", List.of(first))));
        assertThat(body).contains("\"currency\":\"" + currencies.get(first) + "\"");
    }

}
