package io.quarry.planner.bench;

import io.quarry.planner.model.ModelLoader;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.plan.ModelSafetyPolicy;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.plan.Planner;
import io.quarry.planner.safety.CitusSafetyCheck;
import io.quarry.planner.safety.SafetyPolicy;
import io.quarry.planner.safety.SafetyViolation;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import io.quarry.ql.ast.Report;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Planning and rendering (resolution, CTE shaping, SQL tree, rendering with binds) from a parsed
 * report, and loading a large model. Sample-time mode reports percentiles including the median.
 * Run with {@code ./mvnw -B -pl planner -Pbench verify}; never part of the test phase.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class PlanBenchmark {

    static final String TYPICAL = """
            DIMENSIONS campaign.name, date.week, country.name
            METRICS impressions, clicks, spend, ctr, sum(spend) / nullif(sum(clicks), 0) AS cpc
            WHERE campaign.status IN ('ACTIVE', 'PAUSED') AND date DURING LAST_30_DAYS
            HAVING clicks > 10
            ORDER BY spend DESC NULLS LAST
            LIMIT 100
            TIMEZONE 'Europe/Helsinki'
            """;

    private final Planner planner = new Planner(ModelLoader.defaultModel(),
            Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC));
    private final TenantScope accounts = TenantScope.of(1L, 2L, 3L);
    private final Report typical = new ReportParser().parseText(TYPICAL);
    private final Report wide = new ReportParser().parseText(wideReport());
    private final String model200 = model(200);
    private final CitusSafetyCheck safety = new CitusSafetyCheck();
    private final SafetyPolicy policy = ModelSafetyPolicy.of(ModelLoader.defaultModel());
    private final String typicalSql = planner.plan(typical, accounts, Map.of()).sql().sql();

    /** Ten dimensions and fifty metrics: the twelve ad metrics of the model and 38 inline aggregates. */
    static String wideReport() {
        List<String> metrics = new ArrayList<>(List.of("impressions", "reach", "clicks", "spend", "conversions",
                "conversion_value", "video_views", "ctr", "cpc", "cpm", "cpa", "roas"));
        for (int i = 1; metrics.size() < 50; i++) {
            metrics.add("sum(spend * " + i + ") / nullif(sum(clicks), 0) AS m" + i);
        }
        return "DIMENSIONS campaign.name, campaign.status, campaign.objective, campaign.country, ad_set.name,"
                + " ad_set.status, ad.name, ad.format, country.name, date.month\n"
                + "METRICS " + String.join(", ", metrics) + "\n"
                + "WHERE date DURING LAST_90_DAYS AND campaign.status <> 'ARCHIVED'\n"
                + "ORDER BY spend DESC LIMIT 500\n";
    }

    /** A model of {@code datasets} fact tables, each joined to shared entities, with three metrics each. */
    static String model(int datasets) {
        StringBuilder yaml = new StringBuilder("tables:\n");
        yaml.append("  accounts: {tenant: true, columns: {account_id: integer, name: string}}\n");
        yaml.append("  campaigns: {tenant: true, columns: {account_id: integer, campaign_id: integer, name: string}}\n");
        for (int i = 0; i < datasets; i++) {
            yaml.append("  facts_").append(i).append(": {tenant: true, columns: {account_id: integer, campaign_id:")
                    .append(" integer, day: date, amount: decimal, hits: integer, users: integer}}\n");
        }
        yaml.append("entities:\n  account: {table: accounts, key: [account_id]}\n")
                .append("  campaign: {table: campaigns, key: [account_id, campaign_id]}\n");
        yaml.append("datasets:\n");
        for (int i = 0; i < datasets; i++) {
            yaml.append("  d").append(i).append(": {table: facts_").append(i).append(", time_column: day}\n");
        }
        yaml.append("joins:\n");
        for (int i = 0; i < datasets; i++) {
            yaml.append("  - {from: d").append(i).append(", to: account, on: {account_id: account_id}}\n");
            yaml.append("  - {from: d").append(i).append(", to: campaign, on: {account_id: account_id, campaign_id:")
                    .append(" campaign_id}}\n");
        }
        yaml.append("dimensions:\n  date: {time: true, grains: [day, month]}\n")
                .append("  account.name: {entity: account, column: name}\n")
                .append("  campaign.name: {entity: campaign, column: name}\n");
        yaml.append("metrics:\n");
        yaml.append(IntStream.range(0, datasets).mapToObj(i ->
                "  amount_" + i + ": {dataset: d" + i + ", aggregation: sum, column: amount}\n"
                + "  hits_" + i + ": {dataset: d" + i + ", aggregation: sum, column: hits, type: integer}\n"
                + "  per_hit_" + i + ": {formula: amount_" + i + " / hits_" + i + "}\n").collect(Collectors.joining()));
        return yaml.toString();
    }

    @Benchmark
    public PlannedQuery planTypicalReport() {
        return planner.plan(typical, accounts, Map.of());
    }

    @Benchmark
    public PlannedQuery planFiftyMetricsTenDimensions() {
        return planner.plan(wide, accounts, Map.of());
    }

    /** The second wall's cost per new plan: the safety check of the typical report's statement. */
    @Benchmark
    public List<SafetyViolation> safetyCheckTypicalReport() {
        return safety.check(typicalSql, policy);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SemanticModel loadModelOf200Datasets() {
        return ModelLoader.load(model200, "benchmark");
    }
}
