package io.quarry.api.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/admin/usage}: per account, what its reports cost this instance
 * over the window (ISO 8601, {@code PT1H}; {@link TenantUsage}), and on Citus the cluster's own view
 * ({@code citus_stat_tenants}: queries and CPU seconds per tenant in Citus's current and last
 * period, on every node), with the tracking setting ({@code citus.stat_tenants_track}, which must
 * be {@code all} for any tenant to show).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
record UsageView(String window, String sort, List<TenantUsage.Account> accounts, @Nullable Citus citus) {

    @Serdeable
    record Citus(String statTenantsTrack, int periodSeconds, List<Tenant> tenants) {
    }

    /** One tenant in {@code citus_stat_tenants}, summed over the nodes. */
    @Serdeable
    record Tenant(String account, long queriesThisPeriod, long queriesLastPeriod, long readsThisPeriod,
                  long readsLastPeriod, double cpuSecondsThisPeriod, double cpuSecondsLastPeriod) {
    }
}
