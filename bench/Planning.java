package bench;

import io.quarry.planner.model.ModelLoader;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.plan.Planner;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/** The benchmark's one use of Quarry's planner: the SQL the direct path runs, planned as the API plans it. */
final class Planning {

    private final Planner planner = new Planner(ModelLoader.defaultModel(), Clock.systemUTC());

    /** {@code report} (text form) planned for a caller who may read {@code accounts}, without parameters. */
    PlannedQuery plan(String report, Set<Long> accounts) throws Exception {
        return planner.plan(new ReportParser().parseText(report), TenantScope.of(accounts), Map.of());
    }
}
