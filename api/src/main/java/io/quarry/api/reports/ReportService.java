package io.quarry.api.reports;

import io.quarry.api.auth.Caller;
import io.quarry.api.currency.AccountCurrencies;
import io.quarry.api.currency.ExchangeRateCheck;
import io.quarry.api.planning.PlanSafety;
import io.quarry.api.rollups.RollupCoverages;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.plan.Planner;
import io.quarry.planner.resolve.ReportOutput;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ast.Report;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The one report path: a report from any source (a request body, a saved report) is planned
 * within the caller's scope, checked by the second wall, and run the same way for every output,
 * under the caller's concurrency permit (held by a stream until it ends), through the result
 * cache (rows and pivots; a stream reads its own cursor), with the row cap and cancellation
 * when the client goes away.
 */
@Singleton
public final class ReportService {

    private final ReportRequests requests;
    private final Planner planner;
    private final PlanSafety safety;
    private final PlanCache plans;
    private final ReportCache cache;
    private final ReportExecutor executor;
    private final RowStreamer streamer;
    private final CallerLimiter limiter;
    private final ExecutionConfiguration configuration;
    private final AccountCurrencies currencies;
    private final ExchangeRateCheck rates;
    private final RollupCoverages rollups;

    ReportService(ReportRequests requests, Planner planner, PlanSafety safety, PlanCache plans, ReportCache cache,
                  ReportExecutor executor, RowStreamer streamer, CallerLimiter limiter,
                  ExecutionConfiguration configuration, AccountCurrencies currencies, ExchangeRateCheck rates,
                  RollupCoverages rollups) {
        this.requests = requests;
        this.planner = planner;
        this.safety = safety;
        this.plans = plans;
        this.cache = cache;
        this.executor = executor;
        this.streamer = streamer;
        this.limiter = limiter;
        this.configuration = configuration;
        this.currencies = currencies;
        this.rates = rates;
        this.rollups = rollups;
    }

    /**
     * Answers a report for {@code caller}: rows as JSON or streamed as CSV / NDJSON, or a pivot
     * table (JSON or CSV). Planning and running errors are thrown before any byte is answered.
     */
    public Answer answer(ReportSource source, Caller caller, ReportOutput output, AnswerFormat format,
                         Cancellation cancellation) throws SQLException {
        CallerLimiter.Permit permit = limiter.acquire(caller.subject());
        try {
            long started = System.nanoTime();
            PlannedQuery query = plan(source, caller.scope(), output);
            double planMillis = (System.nanoTime() - started) / 1e6;
            if (output == ReportOutput.PIVOT) {
                return new Answer.Pivot(ReportResponses.pivot(query, result(query, cancellation), planMillis,
                        configuration.maxPivotColumns(), configuration.maxRows()), format == AnswerFormat.CSV);
            }
            if (format == AnswerFormat.JSON) {
                return new Answer.Rows(ReportResponses.rows(query, result(query, cancellation), planMillis,
                        configuration.maxRows()));
            }
            Answer.Stream stream = new Answer.Stream(streamer.stream(query, executor.open(query), format, permit),
                    format.mediaType());
            permit = null; // the stream releases it when it ends
            return stream;
        } finally {
            if (permit != null) {
                permit.close();
            }
        }
    }

    /**
     * The plan of a report for {@code scope} (a saved report reads its own account, which must be
     * in the scope), with its accounts' currencies (money of several is refused without a
     * CURRENCY, and a conversion needs its rates), reading the rollups that answer it exactly as
     * they are now, checked by the safety wall; reused from {@link PlanCache} when it can be (a
     * plan is kept for the rollup coverage it was made with).
     */
    public PlannedQuery plan(ReportSource source, TenantScope scope, ReportOutput output) {
        RollupCoverages.Snapshot coverage = rollups.current();
        return plans.get(source, scope, output, coverage.generation(), () -> {
            ReportSource.Saved saved = source instanceof ReportSource.Saved s ? s : null;
            Report report = saved != null ? saved.report() : requests.parse((ReportSource.Body) source);
            TenantScope reads = saved != null ? scope.narrowTo(List.of(saved.account())) : scope;
            Map<Long, String> money = currencies.of(reads);
            PlannedQuery query = planner.plan(report, reads, saved != null ? saved.parameters() : Map.of(), output,
                    coverage.coverage(), money);
            rates.require(query, report, money);
            return safety.require(query);
        });
    }

    private QueryResult result(PlannedQuery query, Cancellation cancellation) throws SQLException {
        return cache.get(query, () -> {
            long started = System.nanoTime();
            List<List<Object>> rows = executor.run(query, configuration.maxRows(), cancellation);
            return new QueryResult(rows, (System.nanoTime() - started) / 1e6, false);
        });
    }
}
