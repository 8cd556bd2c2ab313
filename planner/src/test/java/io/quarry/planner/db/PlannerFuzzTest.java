package io.quarry.planner.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.resolve.PlanningException;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.QueryLanguageException;
import io.quarry.ql.ReportParser;
import io.quarry.ql.ast.Report;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the planner with {@link RandomReportTexts}: every report that parses either
 * plans to SQL that passes the Citus-safety check and runs on the test database, or is refused
 * with a {@link PlanningException} located in the report; never another exception, never an SQL
 * error (which the api would answer with a 500).
 */
class PlannerFuzzTest {

    private static final ReportParser PARSER = new ReportParser();

    @Test
    void everyReportPlansToSqlThatRunsOrIsRefusedWhereItIsWrong() {
        int[] outcomes = new int[3];
        for (long seed = 1; seed <= 1_200; seed++) {
            String text = new RandomReportTexts(seed).report();
            try {
                Optional<PlannedQuery> query = plan(text, outcomes);
                if (query.isPresent()) {
                    PlannerTestData.get().run(query.get());
                }
            } catch (Exception | AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + text, e);
            }
        }
        // Each outcome must be exercised, or the fuzzer tests little.
        assertThat(outcomes[0]).as("planned and ran").isGreaterThan(100);
        assertThat(outcomes[1]).as("refused while planning").isGreaterThan(300);
    }

    /** The planned query; empty when the text does not parse or the planner refuses it (counted). */
    private static Optional<PlannedQuery> plan(String text, int[] outcomes) {
        Report report;
        try {
            report = PARSER.parseText(text);
        } catch (QueryLanguageException e) {
            outcomes[2]++;
            return Optional.empty();
        }
        try {
            PlannedQuery query = PlannerTestData.get().planner.plan(report, TenantScope.of(1L, 2L), Map.of());
            outcomes[0]++;
            return Optional.of(query);
        } catch (PlanningException e) {
            assertThat(e.location().line()).as("located: %s", e.getMessage()).isPositive();
            assertThat(e.getMessage()).startsWith("line " + e.location().line() + ":" + e.location().column() + ": ");
            outcomes[1]++;
            return Optional.empty();
        }
    }
}
