package io.quarry.api.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.quarry.api.auth.BoundCaller;
import io.quarry.api.reports.PivotResponse;
import io.quarry.api.reports.ReportResponse;

/**
 * Counts each report answered as JSON (rows or pivot, from a request body or a saved report) in
 * {@link TenantUsage}, for the accounts of the caller, with the database time and rows of its
 * answer. Streamed answers (CSV, NDJSON) and pivot CSVs are not counted: their rows are not
 * known when the response starts.
 */
@ServerFilter({"/api/v1/reports/**", "/api/v1/saved-reports/**"})
final class ReportUsageFilter {

    private final TenantUsage usage;

    ReportUsageFilter(TenantUsage usage) {
        this.usage = usage;
    }

    @ResponseFilter
    void count(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Object body = response.body();
        if (body instanceof ReportResponse report) {
            BoundCaller.of(request).ifPresent(caller -> usage.record(caller.scope().accounts(),
                    report.meta().queryMillis(), report.meta().rowCount()));
        } else if (body instanceof PivotResponse pivot) {
            BoundCaller.of(request).ifPresent(caller -> usage.record(caller.scope().accounts(),
                    pivot.meta().queryMillis(), pivot.meta().totalRows()));
        }
    }
}
