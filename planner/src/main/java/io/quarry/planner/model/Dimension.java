package io.quarry.planner.model;

import io.quarry.ql.ast.Expression;
import java.util.Optional;
import java.util.Set;

/**
 * Something reports group and filter by.
 *
 * @param node       the dataset or entity whose table holds it; empty for the time dimension,
 *                   which every dataset has through its time column
 * @param expression the value over that table's columns (a column reference for plain columns)
 * @param grains     time grains, for the time dimension only
 */
public record Dimension(String name, Optional<String> node, Optional<Expression> expression, ColumnType type,
                        String label, Format format, String description, Set<TimeGrain> grains) {

    public Dimension {
        grains = Set.copyOf(grains);
    }

    public boolean time() {
        return node.isEmpty();
    }
}
