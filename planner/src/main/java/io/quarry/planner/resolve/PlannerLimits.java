package io.quarry.planner.resolve;

/**
 * Guards on what a report may ask for.
 *
 * @param maxInList  the most values an IN list may have
 * @param maxDays    the longest bounded date range, in days; a report without a date filter
 *                   reads every partition and is allowed (the statement timeout bounds it)
 */
public record PlannerLimits(int maxInList, int maxDays) {

    public static final PlannerLimits DEFAULT = new PlannerLimits(1_000, 3_660);

    public PlannerLimits {
        if (maxInList < 1 || maxDays < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
