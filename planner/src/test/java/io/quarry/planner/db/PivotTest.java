package io.quarry.planner.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.planner.pivot.PivotAssembler;
import io.quarry.planner.pivot.PivotTable;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.resolve.PlanningError;
import io.quarry.planner.resolve.PlanningException;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PIVOT: every cell and every total equals the same figure from an unpivoted report at that
 * grain, so ratios and distinct counts in totals are recomputed, not summed.
 */
class PivotTest {

    private static final String WHERE = "WHERE date >= DATE '2026-03-20' AND date <= DATE '2026-06-14'";
    private static final String METRICS = "METRICS spend, ctr, count(DISTINCT ad.id) AS ads";

    @Test
    void cellsAndTotalsMatchUnpivotedReports() throws SQLException {
        PivotTable pivot = pivot("FROM ad_stats DIMENSIONS campaign.status, date.month " + METRICS + " " + WHERE
                + " PIVOT BY date.month", 100);
        assertThat(pivot.rowDimensions()).containsExactly("campaign.status");
        assertThat(pivot.columnDimensions()).containsExactly("date.month");
        assertThat(pivot.columns()).hasSize(4);
        List<Map<String, Object>> detail = run("FROM ad_stats DIMENSIONS campaign.status, date.month " + METRICS + " " + WHERE);
        for (PivotTable.Row row : pivot.rows()) {
            for (int c = 0; c < pivot.columns().size(); c++) {
                Object status = row.header().get(0);
                Object month = pivot.columns().get(c).get(0);
                Map<String, Object> expected = detail.stream()
                        .filter(r -> status.equals(r.get("campaign.status")) && month.equals(r.get("date.month")))
                        .findFirst().orElse(null);
                List<Object> cell = row.cells().get(c);
                if (expected == null) {
                    assertThat(cell).containsOnlyNulls();
                } else {
                    assertThat(cell).containsExactly(expected.get("spend"), expected.get("ctr"), expected.get("ads"));
                }
            }
        }
        List<Map<String, Object>> byStatus = run("FROM ad_stats DIMENSIONS campaign.status " + METRICS + " " + WHERE);
        assertThat(pivot.rows()).hasSize(byStatus.size());
        for (int r = 0; r < byStatus.size(); r++) {
            Map<String, Object> expected = byStatus.get(r);
            assertThat(pivot.rows().get(r).header()).containsExactly(expected.get("campaign.status"));
            assertThat(pivot.rows().get(r).total()).containsExactly(expected.get("spend"), expected.get("ctr"),
                    expected.get("ads"));
        }
        List<Map<String, Object>> byMonth = run("FROM ad_stats DIMENSIONS date.month " + METRICS + " " + WHERE);
        for (int c = 0; c < byMonth.size(); c++) {
            assertThat(pivot.columns().get(c)).containsExactly(byMonth.get(c).get("date.month"));
            assertThat(pivot.columnTotals().get(c)).containsExactly(byMonth.get(c).get("spend"), byMonth.get(c).get("ctr"),
                    byMonth.get(c).get("ads"));
        }
        Map<String, Object> all = run("FROM ad_stats " + METRICS + " " + WHERE).get(0);
        assertThat(pivot.grandTotal()).containsExactly(all.get("spend"), all.get("ctr"), all.get("ads"));
        long summedAds = byStatus.stream().mapToLong(r -> ((Number) r.get("ads")).longValue()).sum();
        assertThat(((Number) pivot.grandTotal().get(2)).longValue()).isLessThanOrEqualTo(summedAds);
    }

    @Test
    void limitAndOrderApplyToPivotRows() throws SQLException {
        PivotTable pivot = pivot("DIMENSIONS campaign.objective, date.month METRICS spend " + WHERE
                + " ORDER BY spend DESC LIMIT 2 PIVOT BY date.month", 100);
        List<Map<String, Object>> byObjective = run("DIMENSIONS campaign.objective METRICS spend " + WHERE
                + " ORDER BY spend DESC");
        assertThat(pivot.totalRows()).isEqualTo(byObjective.size());
        assertThat(pivot.truncated()).isTrue();
        assertThat(pivot.rows()).hasSize(2);
        assertThat(pivot.rows().get(0).header().get(0)).isEqualTo(byObjective.get(0).get("campaign.objective"));
        assertThat(pivot.rows().get(1).header().get(0)).isEqualTo(byObjective.get(1).get("campaign.objective"));
    }

    @Test
    void tooManyColumnsIsAClearErrorAtPivotBy() {
        assertThatThrownBy(() -> pivot("DIMENSIONS campaign.status, date.day METRICS spend " + WHERE
                + " PIVOT BY date.day", 31, 10_000))
                .isInstanceOf(PlanningException.class)
                .hasMessage("line 1:123: the pivot would have 87 columns, more than the limit of 31; filter the report"
                        + " or pivot by fewer or coarser dimensions")
                .satisfies(e -> assertThat(((PlanningException) e).code()).isEqualTo(PlanningError.PIVOT_TOO_WIDE));
    }

    @Test
    void moreRowsThanTheCapIsAClearErrorAtPivotBy() throws SQLException {
        String report = "DIMENSIONS campaign.name, date.day METRICS spend " + WHERE + " PIVOT BY date.day";
        int rows = PlannerTestData.get().runRows(plan(report)).size();
        assertThat(pivot(report, 1_000, rows).rows()).isNotEmpty();
        assertThatThrownBy(() -> pivot(report, 1_000, rows - 1))
                .isInstanceOf(PlanningException.class)
                .hasMessageStartingWith("line 1:121: the pivot's query returns more than " + (rows - 1) + " rows")
                .satisfies(e -> assertThat(((PlanningException) e).code()).isEqualTo(PlanningError.PIVOT_TOO_LONG));
    }

    private static PivotTable pivot(String report, int maxColumns) throws SQLException {
        return pivot(report, maxColumns, 10_000);
    }

    private static PivotTable pivot(String report, int maxColumns, int maxRows) throws SQLException {
        PlannedQuery query = plan(report);
        return PivotAssembler.assemble(query, PlannerTestData.get().runRows(query), maxColumns, maxRows);
    }

    private static List<Map<String, Object>> run(String report) throws SQLException {
        return PlannerTestData.get().run(plan(report));
    }

    private static PlannedQuery plan(String report) {
        return PlannerTestData.get().planner.plan(new ReportParser().parseText(report), TenantScope.of(1L, 2L, 4L), Map.of());
    }
}
