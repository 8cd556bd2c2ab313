package io.quarry.api.currency;

import io.micronaut.data.exceptions.DataAccessException;
import io.quarry.api.db.DirectDataSource;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.resolve.PlanningError;
import io.quarry.planner.resolve.PlanningException;
import io.quarry.planner.resolve.ResolvedReport;
import io.quarry.planner.resolve.TimeRange;
import io.quarry.planner.sql.Identifiers;
import io.quarry.ql.ast.Report;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Before a report with a CURRENCY runs: every currency it converts from or into has a rate on
 * every day of its range (and of its comparison period). The conversion joins the rates, so a
 * missing one would drop that day's rows; instead the report is refused at its CURRENCY clause,
 * naming the first missing currency and day.
 */
@Singleton
public class ExchangeRateCheck {

    private final DirectDataSource dataSource;
    private final String sql;

    ExchangeRateCheck(DirectDataSource dataSource, SemanticModel model) {
        this.dataSource = dataSource;
        this.sql = model.exchangeRates().map(table -> "SELECT c.code, d.day::date FROM unnest(?::text[]) AS c(code)"
                + " CROSS JOIN generate_series(?::date, ?::date, interval '1 day') AS d(day) WHERE NOT EXISTS"
                + " (SELECT 1 FROM " + Identifiers.quote(table) + " AS r WHERE r.currency = c.code AND r.day = d.day::date)"
                + " ORDER BY 2, 1 LIMIT 1").orElse(null);
    }

    /** Refuses the report when a rate its conversion needs is missing; nothing to check without a CURRENCY. */
    public void require(PlannedQuery query, Report report, Map<Long, String> accountCurrencies) {
        ResolvedReport resolved = query.report();
        if (resolved.currency().isEmpty() || sql == null) {
            return;
        }
        TreeSet<String> codes = new TreeSet<>(List.of(resolved.currency().get()));
        resolved.scope().accounts().forEach(account -> {
            String currency = accountCurrencies.get(account);
            if (currency != null) {
                codes.add(currency);
            }
        });
        List<TimeRange> ranges = new ArrayList<>(List.of(resolved.timeRange()));
        resolved.compare().ifPresent(compare -> ranges.add(compare.previous()));
        try (Connection connection = dataSource.connection()) {
            for (TimeRange range : ranges) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setArray(1, connection.createArrayOf("text", codes.toArray()));
                    statement.setObject(2, range.from());
                    statement.setObject(3, range.to().minusDays(1));
                    try (ResultSet missing = statement.executeQuery()) {
                        if (missing.next()) {
                            throw new PlanningException(PlanningError.MISSING_EXCHANGE_RATE, "no exchange rate for "
                                    + missing.getString(1) + " on " + missing.getDate(2).toLocalDate() + " to convert into "
                                    + resolved.currency().get() + "; load the day's rates into the exchange-rate table",
                                    report.currency().orElseThrow().location());
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("could not check the exchange rates: " + e.getMessage(), e);
        }
    }
}
