package io.quarry.planner.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.resolve.PlanningException;
import io.quarry.planner.sql.JdbcBinder;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import io.quarry.ql.ast.CompareClause;
import io.quarry.ql.ast.ComparePeriod;
import io.quarry.ql.ast.Report;
import io.quarry.ql.ast.SourceLocation;
import io.quarry.ql.ast.Totals;
import io.quarry.ql.corpus.Corpus;
import io.quarry.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On a Citus coordinator: every single-account report is a router query, each distributed step
 * of its plan one task ({@code EXPLAIN}: {@code Task Count: 1}), with repartition joins off (so
 * a join that needed one would fail). Each corpus report is checked in both forms and with
 * totals, a pivot and a comparison added. Only meaningful on Citus: skipped on plain PostgreSQL.
 */
class CitusPlanTest {

    private static final Pattern TASKS = Pattern.compile("Task Count: (\\d+)");
    private static final List<String> VARIANTS = List.of("", "TOTALS GRAND", "COMPARE PREVIOUS_PERIOD");

    @BeforeAll
    static void onCitus() {
        assumeTrue(TestDatabase.get().citus(), "the test database is not a Citus coordinator");
    }

    static Stream<Object[]> reports() {
        List<Object[]> cases = new ArrayList<>();
        for (Corpus.Entry entry : Corpus.entries()) {
            cases.add(new Object[] {entry.name() + " (JSON)", entry.json(), ""});
            for (String variant : VARIANTS) {
                cases.add(new Object[] {entry.name() + (variant.isEmpty() ? "" : " + " + variant), entry.text(), variant});
            }
        }
        cases.add(new Object[] {"two datasets by week with a pivot", """
                DIMENSIONS campaign.status, date.week METRICS spend, event_count
                WHERE date DURING LAST_30_DAYS PIVOT BY date.week""", "TOTALS GRAND"});
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void aSingleAccountReportRunsAsOneTaskPerDistributedStep(String name, String form, String variant)
            throws Exception {
        PlannedQuery query;
        try {
            query = PlannerTestData.get().planner.plan(parse(form, variant), TenantScope.of(1L), CorpusPlanningTest.PARAMETERS);
        } catch (PlanningException e) {
            return; // the golden file records why it does not plan
        }
        List<Integer> counts = new ArrayList<>();
        try (Connection connection = PlannerTestData.get().dataSource.getConnection()) {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SHOW citus.enable_repartition_joins")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("off");
            }
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + query.sql().sql())) {
                JdbcBinder.bind(explain, query.sql().binds());
                try (ResultSet rs = explain.executeQuery()) {
                    while (rs.next()) {
                        Matcher matcher = TASKS.matcher(rs.getString(1));
                        if (matcher.find()) {
                            counts.add(Integer.parseInt(matcher.group(1)));
                        }
                    }
                }
            }
        }
        assertThat(counts).as("task counts of %s", name).isNotEmpty().containsOnly(1);
        PlannerTestData.get().run(query);
    }

    private static Report parse(String form, String variant) {
        ReportParser parser = new ReportParser();
        Report r = form.stripLeading().startsWith("{") ? parser.parseJson(form) : parser.parseText(form);
        Optional<Totals> totals = variant.equals("TOTALS GRAND") && r.totals().isEmpty()
                ? Optional.of(new Totals(true, List.of(), SourceLocation.UNKNOWN)) : r.totals();
        Optional<CompareClause> compare = variant.equals("COMPARE PREVIOUS_PERIOD") && r.compare().isEmpty()
                ? Optional.of(new CompareClause(ComparePeriod.PREVIOUS_PERIOD, SourceLocation.UNKNOWN)) : r.compare();
        return new Report(r.parameters(), r.dataset(), r.dimensions(), r.metrics(), r.where(), r.having(), r.orderBy(),
                r.limit(), r.offset(), r.pivotBy(), totals, compare, r.accounts(), r.timezone(), r.currency(), r.location());
    }
}
