package io.quarry.api.planning;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.quarry.planner.resolve.PlannerLimits;

/**
 * Guards on what one report and one caller may ask for.
 *
 * @param maxInList              the most values of one IN list
 * @param maxDays                the longest bounded date range, in days
 * @param maxConcurrentPerCaller the most reports one caller (token subject) may run at once; more is 429
 */
@ConfigurationProperties("quarry.limits")
public record LimitsConfiguration(@Bindable(defaultValue = "1000") int maxInList,
                                  @Bindable(defaultValue = "3660") int maxDays,
                                  @Bindable(defaultValue = "4") int maxConcurrentPerCaller) {

    public PlannerLimits plannerLimits() {
        return new PlannerLimits(maxInList, maxDays);
    }
}
