package io.quarry.planner.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.planner.model.ModelLoader;
import io.quarry.planner.plan.ModelSafetyPolicy;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.resolve.PlanningException;
import io.quarry.planner.sql.BindType;
import io.quarry.planner.sql.BindValue;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import io.quarry.ql.corpus.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example corpus through the planner: both forms plan to the same SQL, the SQL and binds
 * match golden files (regenerate with {@code -Dquarry.golden.update=true}), and every report that
 * plans runs on the test database scoped to account 1 without ever showing a row of account 2.
 */
class CorpusPlanningTest {

    static final String GOLDEN = "io/quarry/planner/golden/";
    static final Map<String, Object> PARAMETERS = Map.of(
            "from", LocalDate.of(2026, 5, 1), "to", LocalDate.of(2026, 5, 31), "status", "ACTIVE",
            "top", 10L, "min_spend", new BigDecimal("100.0"));

    static Stream<Corpus.Entry> corpus() {
        return Corpus.entries().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void textAndJsonPlanToTheSameSqlWhichMatchesItsGoldenFile(Corpus.Entry entry) throws IOException {
        String fromText = describe(entry.text(), true);
        String fromJson = describe(entry.json(), false);
        assertThat(fromJson).isEqualTo(fromText);
        String file = GOLDEN + entry.name() + ".sql";
        if (Boolean.getBoolean("quarry.golden.update")) {
            Path path = Path.of("src/test/resources", file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, fromText);
            return;
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
            assertThat(in).as("golden file %s (create it with -Dquarry.golden.update=true)", file).isNotNull();
            assertThat(fromText).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void reportsScopedToAccountOneNeverShowAccountTwo(Corpus.Entry entry) throws SQLException {
        PlannedQuery query;
        try {
            query = PlannerTestData.get().planner.plan(new ReportParser().parseText(entry.text()), TenantScope.of(1L), PARAMETERS);
        } catch (PlanningException e) {
            return; // the golden file records why it does not plan
        }
        // One account: every tenant filter is the scalar form, bound to account 1 and nothing else.
        assertThat(query.sql().binds()).noneMatch(b -> b.type() == BindType.BIGINT_ARRAY);
        List<BindValue> tenantBinds = tenantFilterBinds(query);
        assertThat(tenantBinds).as("tenant filters").isNotEmpty()
                .allSatisfy(b -> assertThat(b.value()).isEqualTo(1L));
        for (Map<String, Object> row : PlannerTestData.get().run(query)) {
            assertNoSecret(row);
        }
    }

    @Test
    void theIsolationCheckSeesAccountTwoWhenItIsInScope() throws SQLException {
        PlannedQuery query = PlannerTestData.get().planner.plan(new ReportParser().parseText(
                "DIMENSIONS campaign.name METRICS spend WHERE date DURING LAST_30_DAYS"), TenantScope.of(1L, 2L), Map.of());
        assertThat(PlannerTestData.get().run(query))
                .anySatisfy(row -> assertThat(row.get("campaign.name")).isEqualTo(PlannerTestData.SECRET_CAMPAIGN));
    }

    /** The bind of each {@code "account_id" = ?} in the SQL, found by counting placeholders before it. */
    static List<BindValue> tenantFilterBinds(PlannedQuery query) {
        String sql = query.sql().sql();
        String filter = "\"account_id\" = ?";
        List<BindValue> binds = new ArrayList<>();
        for (int at = sql.indexOf(filter); at >= 0; at = sql.indexOf(filter, at + 1)) {
            int placeholder = at + filter.length() - 1;
            int index = (int) sql.substring(0, placeholder).chars().filter(c -> c == '?').count();
            binds.add(query.sql().binds().get(index));
        }
        return binds;
    }

    private static void assertNoSecret(Map<String, Object> row) {
        for (Map.Entry<String, Object> cell : row.entrySet()) {
            Object value = cell.getValue();
            assertThat(String.valueOf(value)).as(cell.getKey())
                    .doesNotContain(PlannerTestData.SECRET_CAMPAIGN).doesNotContain(PlannerTestData.SECRET_EVENT);
            if (value instanceof Number number) {
                assertThat(new BigDecimal(number.toString()).abs()).as(cell.getKey())
                        .isLessThan(BigDecimal.valueOf(PlannerTestData.SECRET_SPEND));
            }
        }
    }

    /** The planned SQL and binds, or the planning error, as golden-file text. */
    private static String describe(String report, boolean text) {
        ReportParser parser = new ReportParser();
        try {
            PlannedQuery query = PlannerTestData.PLANNER_WITHOUT_DATABASE.plan(
                    text ? parser.parseText(report) : parser.parseJson(report), TenantScope.of(1L, 2L, 3L, 101L, 102L, 105L),
                    PARAMETERS);
            PlannerTestData.SAFETY.requireSafe(query.sql().sql(), ModelSafetyPolicy.of(ModelLoader.defaultModel()));
            StringBuilder golden = new StringBuilder(query.sql().sql()).append("\n\n");
            List<BindValue> binds = query.sql().binds();
            for (int i = 0; i < binds.size(); i++) {
                golden.append("-- $").append(i + 1).append(" = ").append(binds.get(i).inlined()).append('\n');
            }
            return golden.toString();
        } catch (PlanningException e) {
            return "-- does not plan: " + e.code() + ": " + e.detail()
                    + (e.suggestions().isEmpty() ? "" : " (suggestions: " + e.suggestions() + ")") + "\n";
        }
    }
}
