package io.quarry.api.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.quarry.api.auth.Caller;
import io.quarry.api.planning.PlanSafety;
import io.quarry.api.reports.CallerLimiter;
import io.quarry.api.reports.JsonValues;
import io.quarry.api.reports.ReportExecutor;
import io.quarry.api.reports.ReportResponse;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.plan.ValuesPlanner;
import io.quarry.planner.sql.RenderedSql;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A dimension's values for filter pickers, from the caller's accounts only: planned by
 * {@link ValuesPlanner} (through the tables' tenant reads), checked by the second wall like every
 * report statement, run with the report settings and the caller's concurrency permit.
 */
@Singleton
public final class DimensionValues {

    /** The most values one answer may ask for. */
    public static final int MAX_LIMIT = 1_000;

    private final ValuesPlanner planner;
    private final PlanSafety safety;
    private final ReportExecutor executor;
    private final CallerLimiter limiter;

    DimensionValues(SemanticModel model, Clock clock, PlanSafety safety, ReportExecutor executor,
                    CallerLimiter limiter) {
        this.planner = new ValuesPlanner(model, clock);
        this.safety = safety;
        this.executor = executor;
        this.limiter = limiter;
    }

    /** The values of {@code dimension} containing {@code search}, in order, at most {@code limit}. */
    public Answer values(String dimension, Optional<String> search, int limit, Caller caller) throws SQLException {
        RenderedSql sql = safety.require(planner.plan(dimension, search, limit, caller.scope()));
        List<List<Object>> rows;
        try (CallerLimiter.Permit permit = limiter.acquire(caller.subject())) {
            rows = executor.run(sql);
        }
        List<Object> values = rows.stream().limit(limit).map(row -> JsonValues.of(row.get(0))).toList();
        return new Answer(dimension, values, rows.size() > limit);
    }

    /**
     * @param truncated whether more values match than {@code limit}
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Answer(String dimension,
                         @Schema(ref = ReportResponse.CELLS, requiredMode = Schema.RequiredMode.REQUIRED)
                         List<Object> values, boolean truncated) {
    }
}
