package io.quarry.api.reports;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Guards on report execution.
 *
 * @param statementTimeout the longest a report's query may run (then it is cancelled)
 * @param maxRows          the most detail rows a report returns; more are cut and flagged truncated
 * @param maxPivotColumns  the most columns a pivot may have; more is a 422 error
 * @param streamIdleTimeout how long a CSV or NDJSON stream waits for a client that reads nothing
 *                         before it is cut (the query cancelled, the connection aborted)
 */
@ConfigurationProperties("quarry.execution")
public record ExecutionConfiguration(@Bindable(defaultValue = "30s") Duration statementTimeout,
                                     @Bindable(defaultValue = "100000") int maxRows,
                                     @Bindable(defaultValue = "200") int maxPivotColumns,
                                     @Bindable(defaultValue = "60s") Duration streamIdleTimeout) {
}
