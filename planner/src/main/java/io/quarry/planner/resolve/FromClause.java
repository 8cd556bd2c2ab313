package io.quarry.planner.resolve;

import io.quarry.ql.ast.Identifier;
import io.quarry.ql.ast.Report;
import java.util.List;

/**
 * FROM names the dataset inline aggregates read ({@code FROM events METRICS count(*)}); a report
 * may still combine model metrics of other datasets. A FROM that no metric reads, though
 * ({@code FROM events METRICS spend}), is a mistake the answer would hide: refused at FROM.
 */
final class FromClause {

    private FromClause() {
    }

    /** Refuses a FROM whose dataset is not among {@code datasets}, the ones the report's metrics read. */
    static void requireRead(Report report, List<String> datasets) {
        if (report.dataset().isEmpty() || datasets.contains(report.dataset().get().name())) {
            return;
        }
        Identifier from = report.dataset().get();
        throw new PlanningException(PlanningError.DATASET_MISMATCH, "the report reads FROM " + from.name()
                + ", but none of its metrics reads " + from.name() + " (they read " + String.join(", ", datasets)
                + "); remove FROM or ask for a metric of " + from.name(), from.location());
    }
}
