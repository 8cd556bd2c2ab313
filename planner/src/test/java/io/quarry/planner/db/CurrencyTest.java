package io.quarry.planner.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.planner.model.Rollup;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.plan.Planner;
import io.quarry.planner.plan.RollupCoverage;
import io.quarry.planner.resolve.PlannerLimits;
import io.quarry.planner.resolve.PlanningError;
import io.quarry.planner.resolve.PlanningException;
import io.quarry.planner.resolve.ReportOutput;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Money across currencies: two accounts in different currencies, converted into a reporting
 * currency at each day's rate, against an independent SQL computation over the raw rows and the
 * rate table; totals and pivots of converted money; the refusal to add money of several
 * currencies without a CURRENCY; the currency in the columns' metadata; daily rollups convert too.
 */
class CurrencyTest {

    private static final String RANGE = "WHERE date BETWEEN DATE '2026-04-20' AND DATE '2026-05-19'";
    private static Map<Long, String> currencies;
    private static long first;
    private static long second;
    private static Planner planner;

    @BeforeAll
    static void twoAccountsInDifferentCurrencies() throws SQLException {
        PlannerTestData data = PlannerTestData.get();
        currencies = data.query("SELECT account_id, currency FROM accounts").stream().collect(Collectors.toMap(
                row -> ((Number) row.get("account_id")).longValue(), row -> (String) row.get("currency")));
        first = 1;
        second = currencies.keySet().stream().filter(a -> a != 2 && !currencies.get(a).equals(currencies.get(first)))
                .findFirst().orElseThrow(() -> new IllegalStateException("the test data has one currency: " + currencies));
        planner = new Planner(data.model, PlannerTestData.CLOCK, PlannerLimits.DEFAULT, data.hll());
    }

    @Test
    void convertedSpendEqualsTheSumOfEachDaysAmountsAtThatDaysRates() throws SQLException {
        PlannedQuery query = plan("DIMENSIONS account.id METRICS spend, cpc " + RANGE + " CURRENCY 'EUR'");
        Map<Long, BigDecimal> expected = PlannerTestData.get().query("SELECT s.account_id, sum(s.spend * eur.rate / own.rate)"
                + " AS spend FROM ad_stats_daily s JOIN accounts a ON a.account_id = s.account_id"
                + " JOIN exchange_rates own ON own.currency = a.currency AND own.day = s.day"
                + " JOIN exchange_rates eur ON eur.currency = 'EUR' AND eur.day = s.day"
                + " WHERE s.account_id IN (" + first + ", " + second + ") AND s.day BETWEEN '2026-04-20' AND '2026-05-19'"
                + " GROUP BY 1").stream().collect(Collectors.toMap(r -> ((Number) r.get("account_id")).longValue(),
                r -> (BigDecimal) r.get("spend")));
        List<List<Object>> rows = PlannerTestData.get().runRows(query);
        assertThat(rows).hasSize(2);
        for (List<Object> row : rows) {
            assertThat(cents(row.get(1))).isEqualTo(cents(expected.get(((Number) row.get(0)).longValue())));
        }
        assertThat(currencyOf(query, "spend")).contains("EUR");
        assertThat(currencyOf(query, "cpc")).contains("EUR");
        assertThat(query.steps().get(0).tables()).contains("exchange_rates");
    }

    @Test
    void totalsAndPivotsAddConvertedMoney() throws SQLException {
        BigDecimal total = cents(PlannerTestData.get().runRows(plan("METRICS spend " + RANGE + " CURRENCY 'USD'"))
                .get(0).get(0));
        List<List<Object>> totals = PlannerTestData.get().runRows(plan("DIMENSIONS account.id, date.week METRICS spend "
                + RANGE + " TOTALS GRAND CURRENCY 'USD'"));
        assertThat(cents(totals.get(totals.size() - 1).get(2))).isEqualTo(total);
        PlannedQuery pivot = plan("DIMENSIONS account.id, date.month METRICS spend " + RANGE
                + " PIVOT BY date.month CURRENCY 'USD'");
        var table = io.quarry.planner.pivot.PivotAssembler.assemble(pivot, PlannerTestData.get().runRows(pivot), 100, 1000);
        assertThat(cents(table.grandTotal().get(0))).isEqualTo(total);
    }

    @Test
    void moneyOfSeveralCurrenciesIsNotAddedWithoutACurrency() {
        assertThatThrownBy(() -> plan("DIMENSIONS campaign.status\nMETRICS clicks, spend " + RANGE))
                .isInstanceOfSatisfying(PlanningException.class, e -> {
                    assertThat(e.code()).isEqualTo(PlanningError.MIXED_CURRENCIES);
                    assertThat(e.getMessage()).contains("line 2:17").contains("spend adds money of accounts in")
                            .contains("add CURRENCY '");
                });
        PlannedQuery clicks = plan("DIMENSIONS campaign.status METRICS clicks, ctr " + RANGE);
        assertThat(currencyOf(clicks, "clicks")).isEmpty();
        PlannedQuery one = planner.plan(new ReportParser().parseText("METRICS spend " + RANGE), TenantScope.of(first),
                Map.of(), ReportOutput.AS_WRITTEN, RollupCoverage.NONE, currencies);
        assertThat(currencyOf(one, "spend")).contains(currencies.get(first));
    }

    @Test
    void aDailyRollupConvertsLikeTheFactsAndAMonthlyOneDoesNot() throws SQLException {
        PlannerTestData data = PlannerTestData.get();
        for (Rollup rollup : data.model.rollups()) {
            data.refresh(rollup, Optional.empty(), data.hll());
        }
        RollupCoverage all = new RollupCoverage(data.model.rollups().stream()
                .collect(Collectors.toMap(Rollup::name, r -> Instant.MAX)));
        String report = "DIMENSIONS campaign.status, date.month METRICS spend, conversion_value, roas"
                + " WHERE date BETWEEN DATE '2026-04-01' AND DATE '2026-05-31' CURRENCY 'GBP'";
        PlannedQuery facts = plan(report);
        PlannedQuery rollup = planner.plan(new ReportParser().parseText(report), scope(), Map.of(),
                ReportOutput.AS_WRITTEN, all, currencies);
        assertThat(rollup.sql().sql()).contains("FROM \"ad_stats_campaign_daily\"");
        assertThat(data.runRows(rollup)).isEqualTo(data.runRows(facts));
    }

    private static PlannedQuery plan(String report) {
        return planner.plan(new ReportParser().parseText(report), scope(), Map.of(), ReportOutput.AS_WRITTEN,
                RollupCoverage.NONE, currencies);
    }

    private static TenantScope scope() {
        return TenantScope.of(first, second);
    }

    private static Optional<String> currencyOf(PlannedQuery query, String column) {
        return query.columns().stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow().currency();
    }

    private static BigDecimal cents(Object value) {
        return new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
    }

}
