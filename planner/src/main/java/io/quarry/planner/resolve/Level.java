package io.quarry.planner.resolve;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A grouping level of a report: which of its dimensions a row keeps. The detail level keeps
 * them all; a subtotal keeps some; the grand total keeps none. Rows of a level carry its number
 * in the {@value #COLUMN} column (0 for detail rows).
 *
 * @param number the value of the level column
 * @param kind   detail, subtotal or grand
 */
public record Level(int number, String kind, List<Integer> dimensions) {

    /** The result column that tells detail rows from total rows, present when a report has totals. */
    public static final String COLUMN = "__level";

    public Level {
        dimensions = List.copyOf(dimensions);
    }

    public static Level detail(ResolvedReport report) {
        return new Level(0, "detail", IntStream.range(0, report.dimensions().size()).boxed().toList());
    }

    public boolean keeps(int dimension) {
        return dimensions.contains(dimension);
    }

    public boolean isDetail() {
        return number == 0;
    }
}
