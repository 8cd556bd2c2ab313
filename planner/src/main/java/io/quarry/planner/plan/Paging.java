package io.quarry.planner.plan;

import io.quarry.planner.resolve.ResolvedReport;

/**
 * A paged report (LIMIT or OFFSET, no PIVOT BY) answers how many detail rows there are before
 * its page: its detail rows carry {@value #TOTAL_ROWS} ({@code count(*) OVER ()}, counted after
 * HAVING and before LIMIT), after {@link io.quarry.planner.resolve.Level#COLUMN} when there are
 * totals (whose rows have NULL there). A pivot pages its pivot rows after pivoting and counts
 * them itself.
 */
public final class Paging {

    /** The column of a paged report's rows that counts its detail rows before LIMIT and OFFSET. */
    public static final String TOTAL_ROWS = "__total_rows";

    private Paging() {
    }

    /** Whether {@code report}'s rows carry {@value #TOTAL_ROWS}. */
    public static boolean counted(ResolvedReport report) {
        return report.pivot().isEmpty() && (report.limit().isPresent() || report.offset().isPresent());
    }
}
