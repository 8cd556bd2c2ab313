package io.quarry.api.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.quarry.api.auth.AdminCaller;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The cluster for operators: the shard map and skew, background jobs, the rebalancer, per-tenant
 * usage and the audit log. Admin tokens only ({@link AdminCaller}); every request is audited
 * ({@link AuditFilter}). Operator endpoints, documented in docs/operations.md and left out of the
 * public OpenAPI document.
 */
@Controller("/api/v1/admin")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class ClusterAdminController {

    private final ShardRepository shards;
    private final AdminJobs jobs;
    private final Rebalancer rebalancer;
    private final TenantUsage usage;
    private final UsageRepository citusUsage;
    private final AuditLog audit;

    ClusterAdminController(ShardRepository shards, AdminJobs jobs, Rebalancer rebalancer, TenantUsage usage,
                           UsageRepository citusUsage, AuditLog audit) {
        this.shards = shards;
        this.jobs = jobs;
        this.rebalancer = rebalancer;
        this.usage = usage;
        this.citusUsage = citusUsage;
        this.audit = audit;
    }

    @Get("/shards")
    public ShardMap shards(AdminCaller admin) throws SQLException {
        return shards.read();
    }

    @Get("/jobs/{id}")
    public JobView job(@PathVariable String id, AdminCaller admin) {
        return jobs.find(id).orElseThrow(() -> AdminException.unknownJob(id));
    }

    /**
     * Starts Citus's background rebalancer: 202 with its job, or 200 when nothing needs to move.
     * {@code strategy}: {@code by_shard_count} (Citus's default: as many shards per node) or
     * {@code by_disk_size} (as many bytes per node).
     */
    @Post("/rebalance")
    public HttpResponse<RebalanceView> rebalance(
            @QueryValue @Nullable @Pattern(regexp = "by_shard_count|by_disk_size") String strategy,
            AdminCaller admin) throws SQLException {
        RebalanceView view = rebalancer.start(strategy);
        return HttpResponse.status(view.started() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(view);
    }

    @Get("/rebalance")
    public RebalanceView rebalanceStatus(AdminCaller admin) throws SQLException {
        return rebalancer.status();
    }

    @Post("/rebalance/stop")
    public RebalanceView stopRebalance(AdminCaller admin) throws SQLException {
        return rebalancer.stop();
    }

    /**
     * The accounts whose reports cost most over the last {@code window} (at most
     * {@code quarry.admin.usage-window}), by {@code time} (database time), {@code reports} or {@code rows}.
     */
    @Get("/usage")
    public UsageView usage(@QueryValue @Nullable Duration window,
                           @QueryValue(defaultValue = "time") @Pattern(regexp = "time|reports|rows") String sort,
                           @QueryValue(defaultValue = "20") @Min(1) @Max(1000) int limit,
                           AdminCaller admin) throws SQLException {
        Duration last = window == null ? usage.window() : window;
        if (last.isNegative() || last.toMinutes() < 1 || last.compareTo(usage.window()) > 0) {
            throw new AdminException(HttpStatus.BAD_REQUEST, "INVALID_WINDOW", "Invalid window",
                    "window: must be between 1m and " + usage.window().toMinutes() + "m (quarry.admin.usage-window),"
                            + " got " + window);
        }
        return new UsageView(last.toString(), sort, usage.top(last, sort, limit), citusUsage.citus(limit).orElse(null));
    }

    /** The latest audit entries, newest first. */
    @Get("/audit")
    public List<AuditLog.Entry> audit(@QueryValue(defaultValue = "50") @Min(1) @Max(1000) int limit,
                                      AdminCaller admin) throws SQLException {
        return audit.latest(limit);
    }
}
