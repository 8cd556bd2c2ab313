package io.quarry.planner.plan;

import io.quarry.planner.model.Dataset;
import io.quarry.planner.sql.BindType;
import io.quarry.planner.sql.BindValue;
import io.quarry.planner.sql.SqlExpr;
import io.quarry.planner.sql.SqlExpr.Binary;
import io.quarry.planner.sql.SqlExpr.Column;
import io.quarry.planner.sql.SqlExpr.Junction;
import io.quarry.planner.sql.SqlExpr.Operator;
import io.quarry.planner.sql.SqlQuery.From;
import io.quarry.planner.sql.SqlQuery.JoinType;
import io.quarry.planner.sql.SqlQuery.Joined;
import io.quarry.planner.sql.SqlQuery.ReferenceTable;
import java.util.List;

/**
 * Currency conversion inside a base CTE: the rates of the row's currency and of the report's
 * currency on the row's day, joined from the exchange-rate reference table (on Citus every
 * worker has it, so rows convert where they are), and the factor an amount is multiplied by:
 * {@code to.rate / from.rate}.
 *
 * <p>The rates, and the path to the row's currency (the accounts table), are left joins, for the
 * estimates: PostgreSQL keeps the facts' row estimate through a left join, where inner joins on
 * the account (filtered by the scope on both sides) and on a currency and a day divided it by the
 * scope's share of the accounts and more (a 50-account pivot estimated 1,889 rows for 2,018,141
 * and sorted them to disk instead of hashing; an export of 1.1M rows looped over an index for
 * each ad: 58 s instead of 3 s). The rows are the same: Quarry checks before running a report
 * that every day it converts has both rates; a fact row of an account without an accounts row
 * (no currency) counts with its amounts null instead of vanishing from every metric.
 */
final class ExchangeRates {

    static final String FROM = "fx_from";
    static final String TO = "fx_to";

    private ExchangeRates() {
    }

    /** The facts joined with the day's rate of the row's currency and of the report's. */
    static From join(From facts, String table, Dataset dataset, String factAlias, SqlExpr rowCurrency, String currency) {
        Column day = new Column(factAlias, dataset.timeColumn());
        From from = new Joined(facts, JoinType.LEFT, new ReferenceTable(table, FROM), new Junction(Operator.AND, List.of(
                new Binary(Operator.EQ, new Column(FROM, "currency"), rowCurrency),
                new Binary(Operator.EQ, new Column(FROM, "day"), day))));
        return new Joined(from, JoinType.LEFT, new ReferenceTable(table, TO), new Junction(Operator.AND, List.of(
                new Binary(Operator.EQ, new Column(TO, "currency"), new SqlExpr.Bind(new BindValue(currency, BindType.TEXT))),
                new Binary(Operator.EQ, new Column(TO, "day"), day))));
    }

    /** An amount in the row's currency, in the report's. */
    static SqlExpr convert(SqlExpr amount) {
        return new Binary(Operator.TIMES, amount, SafeDivision.of(new Column(TO, "rate"), new Column(FROM, "rate")));
    }
}
