package io.quarry.api.reports;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import io.quarry.planner.plan.PlannedQuery;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.SQLException;

/**
 * Answers a report over HTTP the same way wherever it comes from (a request body or a saved
 * report): rows as JSON, or CSV / NDJSON streamed by the Accept header; a pivot as JSON or a wide
 * CSV. Planning runs inside the caller's concurrency permit, so its errors are problems too.
 */
@Singleton
public final class ReportResponder {

    /** Plans the report to answer; throws the located planning error. */
    @FunctionalInterface
    public interface Plan {
        PlannedQuery plan();
    }

    private final ReportService reports;
    private final ExecutionConfiguration execution;
    private final CallerLimiter limiter;

    ReportResponder(ReportService reports, ExecutionConfiguration execution, CallerLimiter limiter) {
        this.reports = reports;
        this.execution = execution;
        this.limiter = limiter;
    }

    /** The report's rows for {@code caller}: JSON, or streamed CSV / NDJSON. */
    public HttpResponse<?> rows(HttpRequest<?> request, String caller, Plan plan) throws SQLException, IOException {
        MediaType format = streamed(request);
        try (CallerLimiter.Permit ignored = limiter.acquire(caller)) {
            long started = System.nanoTime();
            PlannedQuery query = plan.plan();
            if (format == null) {
                return HttpResponse.ok(reports.query(query, started, Cancellation.of(request)));
            }
            // The permit covers starting the query; the stream then runs on its own connection.
            return HttpResponse.ok(new StreamedFile(reports.stream(query, format), format)).contentType(format);
        }
    }

    /** The report as a pivot table for {@code caller}: JSON, or a wide CSV. */
    public HttpResponse<?> pivot(HttpRequest<?> request, String caller, Plan plan) throws SQLException, IOException {
        PivotResponse pivot;
        try (CallerLimiter.Permit ignored = limiter.acquire(caller)) {
            long started = System.nanoTime();
            pivot = reports.pivot(plan.plan(), started, execution.maxPivotColumns());
        }
        MediaType format = streamed(request);
        if (format != null && format.getName().equals(MediaType.TEXT_CSV)) {
            return HttpResponse.ok(PivotCsv.of(pivot)).contentType(MediaType.of(MediaType.TEXT_CSV + ";charset=utf-8"));
        }
        return HttpResponse.ok(pivot);
    }

    /** CSV or NDJSON when the client accepts it and not JSON first; null for JSON. */
    private static MediaType streamed(HttpRequest<?> request) {
        for (MediaType accepted : request.accept()) {
            String name = accepted.getName();
            if (name.equals(MediaType.APPLICATION_JSON)) {
                return null;
            }
            if (name.equals(MediaType.TEXT_CSV)) {
                return MediaType.of(MediaType.TEXT_CSV + ";charset=utf-8");
            }
            if (name.equals(RowStreamer.NDJSON)) {
                return MediaType.of(RowStreamer.NDJSON);
            }
        }
        return null;
    }
}
