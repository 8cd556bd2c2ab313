package io.quarry.planner.resolve;

/**
 * Guards on what a report may ask for.
 *
 * @param maxInList  the most values an IN list may have
 * @param maxDays    the longest date range a report may read, in days; every report reads a
 *                   bounded range (one without an end ends today, one without a start is refused)
 */
public record PlannerLimits(int maxInList, int maxDays) {

    public static final PlannerLimits DEFAULT = new PlannerLimits(1_000, 3_660);

    public PlannerLimits {
        if (maxInList < 1 || maxDays < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
