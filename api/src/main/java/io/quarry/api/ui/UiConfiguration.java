package io.quarry.api.ui;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The web UI's settings.
 *
 * @param demoReport the report (text form) the UI opens in the embedded demo mode
 */
@ConfigurationProperties("quarry.ui")
public record UiConfiguration(
        @Bindable(defaultValue = "DIMENSIONS campaign.status, date.month METRICS spend, ctr"
                + " WHERE date DURING LAST_90_DAYS PIVOT BY date.month CURRENCY 'EUR'") String demoReport) {
}
