package io.quarry.api.reports;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The answer to {@code POST /api/v1/reports/explain}: the report in its canonical text and JSON
 * forms (a report builder reads a typed report back through them), the SQL with its placeholders, the bind
 * values in order (as SQL literals, for reading only), the planner's steps, and the database's
 * own EXPLAIN (on Citus it names the router or multi-shard plan, the task count and the nodes).
 */
@Serdeable
public record ExplainResponse(
        @Schema(description = "the report in its canonical text form") String text,
        @Schema(ref = "#/components/schemas/ReportJson", description = "the report in its JSON form, as the JSON"
                + " endpoints accept it") Map<String, Object> report,
        String sql, List<String> parameters, List<Step> steps, List<String> databasePlan) {

    /** A plan step: a CTE or the final query, where it runs, what it does, the tables it reads (absent: none). */
    @Serdeable
    public record Step(String name, String runsOn, String description,
                       @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) List<String> tables) {
    }
}
