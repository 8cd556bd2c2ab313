package io.quarry.api.admin;

import io.micronaut.http.HttpResponse;
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
import java.net.URI;
import java.sql.SQLException;

/**
 * Tenants for operators: which are big and where they live, and giving one shards of its own.
 * Admin tokens only ({@link AdminCaller}); every request is audited ({@link AuditFilter}). Operator
 * endpoints, documented in docs/operations.md and left out of the public OpenAPI document.
 */
@Controller("/api/v1/admin/tenants")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class TenantAdminController {

    static final int MAX_LIMIT = 10_000;

    private final TenantSizes sizes;
    private final TenantIsolation isolation;

    TenantAdminController(TenantSizes sizes, TenantIsolation isolation) {
        this.sizes = sizes;
        this.isolation = isolation;
    }

    /** Accounts by size ({@code size}: bytes, {@code rows}, or {@code account}), at most {@code limit}. */
    @Get
    public TenantViews.Page list(@QueryValue(defaultValue = "size") @Pattern(regexp = TenantSizes.SORTS) String sort,
                                 @QueryValue(defaultValue = "50") @Min(1) @Max(MAX_LIMIT) int limit,
                                 AdminCaller admin) throws SQLException {
        return sizes.list(sort, limit);
    }

    /** One account: its rows and bytes per table, and the shard and node of each. */
    @Get("/{account}")
    public TenantViews.Detail detail(@PathVariable long account, AdminCaller admin) throws SQLException {
        return sizes.detail(account);
    }

    /** Starts isolating the account onto shards of its own; 202 with the job ({@code Location}: its progress). */
    @Post("/{account}/isolate")
    public HttpResponse<JobView> isolate(@PathVariable long account, AdminCaller admin) throws SQLException {
        JobView job = isolation.isolate(account, admin);
        return HttpResponse.accepted(URI.create("/api/v1/admin/jobs/" + job.id())).body(job);
    }
}
