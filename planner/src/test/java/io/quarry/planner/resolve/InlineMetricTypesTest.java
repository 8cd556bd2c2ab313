package io.quarry.planner.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.quarry.planner.model.ColumnType;
import io.quarry.planner.model.Format;
import io.quarry.planner.plan.OutputColumn;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An inline metric's column says what its values are: counts are integers, sums and ratios decimals. */
class InlineMetricTypesTest {

    @Test
    void countsAndIntegerExtremesAreIntegersTheRestDecimals() {
        List<OutputColumn> columns = Refusals.PLANNER.plan(new ReportParser().parseText("FROM ad_stats"
                + " DIMENSIONS campaign.name METRICS count(DISTINCT ad.id) AS ads, count(*) AS n, max(clicks) AS top,"
                + " sum(clicks) AS c, count(*) / 2 AS half WHERE date DURING LAST_7_DAYS"),
                TenantScope.of(1L), Map.of()).columns();
        assertThat(columns.subList(1, columns.size())).extracting(OutputColumn::type, OutputColumn::format)
                .containsExactly(
                        tuple(ColumnType.INTEGER, Format.INTEGER),
                        tuple(ColumnType.INTEGER, Format.INTEGER),
                        tuple(ColumnType.INTEGER, Format.INTEGER),
                        tuple(ColumnType.DECIMAL, Format.NUMBER),
                        tuple(ColumnType.DECIMAL, Format.NUMBER));
    }
}
