package io.quarry.planner.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.planner.pivot.PivotAssembler;
import io.quarry.planner.pivot.PivotTable;
import io.quarry.planner.plan.OutputColumn;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.resolve.Level;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.FieldRef;
import io.quarry.ql.ast.Report;
import io.quarry.ql.ast.SelectItem;
import io.quarry.ql.ast.SourceLocation;
import io.quarry.ql.ast.Totals;
import io.quarry.ql.corpus.Corpus;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Totals and pivot variants of every corpus report: the grand total of a {@code TOTALS GRAND}
 * variant, and of a pivot by the last dimension, must equal the same report with no dimensions
 * at all, metric by metric (so ratios and distinct counts are recomputed, not summed).
 */
class CorpusVariantsTest {

    static Stream<Corpus.Entry> corpus() {
        return Corpus.entries().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void grandTotalsOfTotalsAndPivotVariantsEqualTheUngroupedReport(Corpus.Entry entry) throws SQLException {
        Report original = new ReportParser().parseText(entry.text());
        if (original.dimensions().isEmpty() || original.metrics().isEmpty()) {
            return;
        }
        Report base = scopeFree(original);
        Map<String, Object> expected = runRows(ungrouped(base)).get(0);
        List<String> metrics = plan(ungrouped(base)).columns().stream()
                .filter(c -> c.kind() == OutputColumn.Kind.METRIC).map(OutputColumn::name).toList();

        Report totals = copy(base, base.pivotBy(), Optional.of(new Totals(true, List.of(), SourceLocation.UNKNOWN)));
        List<Map<String, Object>> rows = runRows(base.pivotBy().isEmpty() ? totals : copy(base, List.of(), totals.totals()));
        Map<String, Object> grand = rows.stream().filter(r -> ((Number) r.get(Level.COLUMN)).intValue() > 0)
                .reduce((a, b) -> b).orElseThrow();
        for (String metric : metrics) {
            assertSame(entry.name() + " totals " + metric, grand.get(metric), expected.get(metric));
        }

        if (base.dimensions().size() >= 2 && base.dimensions().get(base.dimensions().size() - 1).expression()
                instanceof FieldRef last) {
            String column = base.dimensions().get(base.dimensions().size() - 1).alias().map(a -> a.name())
                    .orElse(last.dotted());
            Report pivot = copy(base, List.of(new FieldRef(List.of(column.split("\\.")), SourceLocation.UNKNOWN)),
                    Optional.empty());
            PlannedQuery query = plan(pivot);
            PivotTable table = PivotAssembler.assemble(query, PlannerTestData.get().runRows(query), 10_000, 100_000);
            for (int m = 0; m < metrics.size(); m++) {
                assertSame(entry.name() + " pivot " + metrics.get(m), table.grandTotal().get(m),
                        expected.get(metrics.get(m)));
            }
        }
    }

    private static void assertSame(String what, Object actual, Object expected) {
        if (expected == null || actual == null) {
            assertThat(actual).as(what).isEqualTo(expected);
        } else {
            assertThat(new BigDecimal(actual.toString())).as(what).isEqualByComparingTo(new BigDecimal(expected.toString()));
        }
    }

    /** The report for account 1: its own ACCOUNTS clause removed, totals and pivot cleared. */
    private static Report scopeFree(Report r) {
        return new Report(r.parameters(), r.dataset(), r.dimensions(), r.metrics(), r.where(), r.having(), r.orderBy(),
                r.limit(), r.offset(), List.of(), Optional.empty(), r.compare(), List.of(), r.timezone(), r.currency(), r.location());
    }

    /** No dimensions: one row over everything WHERE keeps (no HAVING, no LIMIT: totals ignore both). */
    private static Report ungrouped(Report r) {
        List<SelectItem> metrics = r.metrics();
        return new Report(r.parameters(), r.dataset(), List.of(), metrics, r.where(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), r.compare(), List.of(), r.timezone(),
                r.currency(), r.location());
    }

    private static Report copy(Report r, List<Expression> pivotBy, Optional<Totals> totals) {
        return new Report(r.parameters(), r.dataset(), r.dimensions(), r.metrics(), r.where(), r.having(), r.orderBy(),
                r.limit(), r.offset(), pivotBy, totals, r.compare(), List.of(), r.timezone(), r.currency(), r.location());
    }

    private static PlannedQuery plan(Report report) {
        return PlannerTestData.get().planner.plan(report, TenantScope.of(1L), CorpusPlanningTest.PARAMETERS);
    }

    private static List<Map<String, Object>> runRows(Report report) throws SQLException {
        return PlannerTestData.get().run(plan(report));
    }
}
