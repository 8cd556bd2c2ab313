package io.quarry.ql;

import static io.quarry.ql.Ast.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.ql.ast.ArithmeticOperator;
import io.quarry.ql.ast.Between;
import io.quarry.ql.ast.BooleanLiteral;
import io.quarry.ql.ast.ComparePeriod;
import io.quarry.ql.ast.ComparisonOperator;
import io.quarry.ql.ast.DateRange;
import io.quarry.ql.ast.During;
import io.quarry.ql.ast.FunctionCall;
import io.quarry.ql.ast.Identifier;
import io.quarry.ql.ast.InList;
import io.quarry.ql.ast.Logical;
import io.quarry.ql.ast.Negative;
import io.quarry.ql.ast.NullLiteral;
import io.quarry.ql.ast.NullOrdering;
import io.quarry.ql.ast.ParameterDeclaration;
import io.quarry.ql.ast.ParameterType;
import io.quarry.ql.ast.Report;
import io.quarry.ql.ast.SelectItem;
import io.quarry.ql.ast.SortItem;
import io.quarry.ql.ast.SortOrder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each clause of the text form, parsed to the expected AST, then round-tripped through both forms. */
class TextReportTest {

    private static final List<SelectItem> CAMPAIGN = List.of(item(field("campaign", "name")));
    private static final List<SelectItem> CLICKS = List.of(item(field("clicks")));

    @Test
    void dimensionsAndMetrics() {
        assertThat(RoundTrip.text("DIMENSIONS campaign.name, date.week METRICS impressions, clicks"))
                .isEqualTo(report(List.of(item(field("campaign", "name")), item(field("date", "week"))),
                        List.of(item(field("impressions")), item(field("clicks")))));
    }

    @Test
    void onlyDimensionsOrOnlyMetrics() {
        assertThat(RoundTrip.text("DIMENSIONS campaign.name")).isEqualTo(report(CAMPAIGN, List.of()));
        assertThat(RoundTrip.text("METRICS clicks")).isEqualTo(report(List.of(), CLICKS));
    }

    @Test
    void timeGrainsAreDottedNames() {
        for (String grain : List.of("day", "week", "month", "quarter", "year")) {
            assertThat(RoundTrip.text("DIMENSIONS date." + grain + " METRICS clicks"))
                    .isEqualTo(report(List.of(item(field("date", grain))), CLICKS));
        }
    }

    @Test
    void inlineMetricExpressionWithAlias() {
        Report report = RoundTrip.text("METRICS sum(spend) / nullif(sum(clicks), 0) AS cpc, count(*), "
                + "count(DISTINCT ad.id) AS ads");
        assertThat(report.metrics()).containsExactly(
                item(arithmetic(ArithmeticOperator.DIVIDE, call("sum", field("spend")),
                        call("nullif", call("sum", field("clicks")), integer(0))), "cpc"),
                item(new FunctionCall("count", false, true, List.of(), AT)),
                item(new FunctionCall("count", true, false, List.of(field("ad", "id")), AT), "ads"));
    }

    @Test
    void keywordsAreCaseInsensitiveAndNamesAreFolded() {
        assertThat(RoundTrip.text("dimensions Campaign.NAME metrics SUM(Spend) as CPC"))
                .isEqualTo(RoundTrip.text("DIMENSIONS campaign.name METRICS sum(spend) AS cpc"));
    }

    @Test
    void quotedIdentifiersKeepCaseAndAllowAnything() {
        Report report = RoundTrip.text("DIMENSIONS \"Campaign\".\"the \"\"name\"\"\", \"order\" METRICS x AS \"Cost €\"");
        assertThat(report.dimensions()).containsExactly(item(field("Campaign", "the \"name\"")), item(field("order")));
        assertThat(report.metrics()).containsExactly(item(field("x"), "Cost €"));
        assertThat(RoundTrip.FORMATTER.toText(report)).contains("\"Campaign\".\"the \"\"name\"\"\"", "\"order\"");
    }

    @Test
    void quotingAnUnreservedNameChangesNothing() {
        assertThat(RoundTrip.text("DIMENSIONS \"campaign\".\"name\"")).isEqualTo(RoundTrip.text("DIMENSIONS campaign.name"));
    }

    @Test
    void nonReservedKeywordsAreNames() {
        assertThat(RoundTrip.text("DIMENSIONS date, date.day, first, last.grand METRICS desc AS asc"))
                .isEqualTo(report(List.of(item(field("date")), item(field("date", "day")), item(field("first")),
                        item(field("last", "grand"))), List.of(item(field("desc"), "asc"))));
    }

    @Test
    void anyKeywordIsANameAfterADot() {
        assertThat(RoundTrip.text("DIMENSIONS event.from, x.order").dimensions())
                .containsExactly(item(field("event", "from")), item(field("x", "order")));
    }

    @Test
    void commentsAndWhitespace() {
        String text = """
                -- weekly clicks
                DIMENSIONS /* the campaign */ campaign.name
                METRICS clicks -- trailing
                /* multi
                   line */
                """;
        assertThat(RoundTrip.text(text)).isEqualTo(report(CAMPAIGN, CLICKS));
    }

    @Test
    void fromDataset() {
        assertThat(RoundTrip.text("FROM ads DIMENSIONS campaign.name"))
                .isEqualTo(with(report(CAMPAIGN, List.of())).dataset("ads").build());
    }

    @Test
    void where() {
        assertThat(RoundTrip.text("METRICS clicks WHERE campaign.status = 'ACTIVE' AND date DURING LAST_30_DAYS"))
                .isEqualTo(with(report(List.of(), CLICKS)).where(and(
                        compare(ComparisonOperator.EQUAL, field("campaign", "status"), string("ACTIVE")),
                        new During(field("date"), DateRange.LAST_30_DAYS, AT))).build());
    }

    @Test
    void relativeDates() {
        for (DateRange range : DateRange.values()) {
            assertThat(RoundTrip.text("METRICS clicks WHERE date DURING " + range.name().toLowerCase()).where())
                    .contains(new During(field("date"), range, AT));
        }
        assertThat(RoundTrip.text("METRICS clicks WHERE date >= today() - 7").where()).contains(
                compare(ComparisonOperator.GREATER_THAN_OR_EQUAL, field("date"),
                        arithmetic(ArithmeticOperator.SUBTRACT, call("today"), integer(7))));
        assertThat(RoundTrip.text("METRICS clicks WHERE date BETWEEN DATE '2026-01-01' AND :to").where()).contains(
                new Between(field("date"), date("2026-01-01"), parameter("to"), false, AT));
    }

    @Test
    void having() {
        assertThat(RoundTrip.text("DIMENSIONS campaign.name METRICS clicks HAVING clicks > 100 OR sum(spend) >= 1.5"))
                .isEqualTo(with(report(CAMPAIGN, CLICKS)).having(or(
                        compare(ComparisonOperator.GREATER_THAN, field("clicks"), integer(100)),
                        compare(ComparisonOperator.GREATER_THAN_OR_EQUAL, call("sum", field("spend")),
                                decimal("1.5")))).build());
    }

    @Test
    void orderBy() {
        assertThat(RoundTrip.text("METRICS clicks ORDER BY spend DESC NULLS LAST, campaign.name ASC, clicks NULLS FIRST"))
                .isEqualTo(with(report(List.of(), CLICKS)).orderBy(
                        new SortItem(field("spend"), SortOrder.DESC, NullOrdering.LAST, AT),
                        new SortItem(field("campaign", "name"), SortOrder.ASC, NullOrdering.UNSPECIFIED, AT),
                        new SortItem(field("clicks"), SortOrder.ASC, NullOrdering.FIRST, AT)).build());
    }

    @Test
    void limitAndOffset() {
        assertThat(RoundTrip.text("METRICS clicks LIMIT 50 OFFSET 100"))
                .isEqualTo(with(report(List.of(), CLICKS)).limit(integer(50), integer(100)).build());
        assertThat(RoundTrip.text("METRICS clicks LIMIT :rows OFFSET :skip"))
                .isEqualTo(with(report(List.of(), CLICKS)).limit(parameter("rows"), parameter("skip")).build());
        assertThat(RoundTrip.text("METRICS clicks OFFSET 5"))
                .isEqualTo(with(report(List.of(), CLICKS)).limit(null, integer(5)).build());
    }

    @Test
    void pivot() {
        assertThat(RoundTrip.text("DIMENSIONS campaign.name METRICS clicks PIVOT BY date.month, ad.format"))
                .isEqualTo(with(report(CAMPAIGN, CLICKS)).pivotBy(field("date", "month"), field("ad", "format"))
                        .build());
    }

    @Test
    void totals() {
        Report base = report(CAMPAIGN, CLICKS);
        assertThat(RoundTrip.text("DIMENSIONS campaign.name METRICS clicks TOTALS GRAND"))
                .isEqualTo(with(base).totals(true).build());
        assertThat(RoundTrip.text("DIMENSIONS campaign.name METRICS clicks TOTALS SUBTOTALS (campaign.name, ad.name)"))
                .isEqualTo(with(base).totals(false, field("campaign", "name"), field("ad", "name")).build());
        assertThat(RoundTrip.text("DIMENSIONS campaign.name METRICS clicks TOTALS SUBTOTALS (campaign.name), GRAND"))
                .isEqualTo(with(base).totals(true, field("campaign", "name")).build());
    }

    @Test
    void comparePeriod() {
        assertThat(RoundTrip.text("METRICS clicks COMPARE PREVIOUS_PERIOD"))
                .isEqualTo(with(report(List.of(), CLICKS)).compare(ComparePeriod.PREVIOUS_PERIOD).build());
        assertThat(RoundTrip.text("METRICS clicks COMPARE same_period_last_year"))
                .isEqualTo(with(report(List.of(), CLICKS)).compare(ComparePeriod.SAME_PERIOD_LAST_YEAR).build());
    }

    @Test
    void accounts() {
        assertThat(RoundTrip.text("METRICS clicks ACCOUNTS (101, 102, :extra)"))
                .isEqualTo(with(report(List.of(), CLICKS)).accounts(integer(101), integer(102), parameter("extra"))
                        .build());
    }

    @Test
    void timezone() {
        assertThat(RoundTrip.text("METRICS clicks TIMEZONE 'Europe/Helsinki'"))
                .isEqualTo(with(report(List.of(), CLICKS)).timezone("Europe/Helsinki").build());
    }

    @Test
    void parameters() {
        Report report = RoundTrip.text("""
                PARAMETERS (from DATE DEFAULT DATE '2026-01-01', status STRING, min_spend DECIMAL DEFAULT -1.5,
                            top INTEGER DEFAULT 10, active BOOLEAN DEFAULT TRUE, note STRING DEFAULT NULL)
                METRICS clicks
                WHERE date >= :from AND campaign.status = :status AND spend > :MIN_SPEND
                """);
        assertThat(report.parameters()).containsExactly(
                new ParameterDeclaration(new Identifier("from", AT), ParameterType.DATE,
                        Optional.of(date("2026-01-01")), AT),
                new ParameterDeclaration(new Identifier("status", AT), ParameterType.STRING, Optional.empty(), AT),
                new ParameterDeclaration(new Identifier("min_spend", AT), ParameterType.DECIMAL,
                        Optional.of(new Negative(decimal("1.5"), AT)), AT),
                new ParameterDeclaration(new Identifier("top", AT), ParameterType.INTEGER, Optional.of(integer(10)), AT),
                new ParameterDeclaration(new Identifier("active", AT), ParameterType.BOOLEAN,
                        Optional.of(new BooleanLiteral(true, AT)), AT),
                new ParameterDeclaration(new Identifier("note", AT), ParameterType.STRING,
                        Optional.of(new NullLiteral(AT)), AT));
        assertThat(report.where()).contains(and(
                compare(ComparisonOperator.GREATER_THAN_OR_EQUAL, field("date"), parameter("from")),
                compare(ComparisonOperator.EQUAL, field("campaign", "status"), parameter("status")),
                compare(ComparisonOperator.GREATER_THAN, field("spend"), parameter("min_spend"))));
    }

    @Test
    void allClausesTogether() {
        Report report = RoundTrip.text("""
                PARAMETERS (from DATE DEFAULT DATE '2026-01-01', status STRING)
                FROM ads
                DIMENSIONS campaign.name, date.week AS week
                METRICS impressions, clicks, sum(spend) / nullif(sum(clicks), 0) AS cpc
                WHERE campaign.status IN ('ACTIVE', 'PAUSED') AND date DURING LAST_30_DAYS
                HAVING clicks > 100
                ORDER BY spend DESC NULLS LAST, campaign.name
                LIMIT 50 OFFSET 10
                PIVOT BY date.week
                TOTALS GRAND, SUBTOTALS (campaign.name)
                COMPARE PREVIOUS_PERIOD
                ACCOUNTS (101, 102)
                TIMEZONE 'Europe/Helsinki'
                """);
        assertThat(report.where().orElseThrow()).isInstanceOf(Logical.class);
        assertThat(((Logical) report.where().orElseThrow()).terms().get(0))
                .isEqualTo(new InList(field("campaign", "status"), List.of(string("ACTIVE"), string("PAUSED")), false, AT));
        assertThat(RoundTrip.FORMATTER.toText(report)).isEqualTo("""
                PARAMETERS (from DATE DEFAULT DATE '2026-01-01', status STRING)
                FROM ads
                DIMENSIONS campaign.name, date.week AS week
                METRICS impressions, clicks, sum(spend) / nullif(sum(clicks), 0) AS cpc
                WHERE campaign.status IN ('ACTIVE', 'PAUSED') AND date DURING LAST_30_DAYS
                HAVING clicks > 100
                ORDER BY spend DESC NULLS LAST, campaign.name
                LIMIT 50
                OFFSET 10
                PIVOT BY date.week
                TOTALS GRAND, SUBTOTALS (campaign.name)
                COMPARE PREVIOUS_PERIOD
                ACCOUNTS (101, 102)
                TIMEZONE 'Europe/Helsinki'
                """);
    }
}
