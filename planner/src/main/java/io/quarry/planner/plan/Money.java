package io.quarry.planner.plan;

import io.quarry.planner.model.Aggregation;
import io.quarry.planner.model.Dataset;
import io.quarry.planner.model.ExpressionTrees;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.resolve.MetricTree.Aggregate;
import io.quarry.planner.resolve.MetricTree.FactExpression;
import io.quarry.planner.resolve.MetricTrees;
import io.quarry.planner.resolve.PlanningError;
import io.quarry.planner.resolve.PlanningException;
import io.quarry.planner.resolve.ResolvedReport;
import io.quarry.ql.ast.Report;
import io.quarry.ql.ast.SourceLocation;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Money in reports: which aggregates add money (a sum, minimum, maximum or average over a
 * dataset's money columns), the currency a report's money is in, and the rule that money of
 * accounts in several currencies is never added as if it were one: the report must name a
 * CURRENCY to convert it into.
 */
final class Money {

    private static final Set<Aggregation> AMOUNTS = Set.of(Aggregation.SUM, Aggregation.MIN, Aggregation.MAX,
            Aggregation.AVG);

    private Money() {
    }

    /** Whether an aggregate's values are amounts in its rows' currency. */
    static boolean isMoney(SemanticModel model, Aggregate aggregate) {
        Dataset dataset = model.dataset(aggregate.dataset()).orElseThrow();
        return AMOUNTS.contains(aggregate.aggregation()) && aggregate.argument().orElse(null) instanceof FactExpression f
                && ExpressionTrees.fieldRefs(f.expression()).stream().anyMatch(ref -> dataset.money().contains(ref.dotted())
                        && !model.dimensions().containsKey(ref.dotted()));
    }

    /** Whether a report's base CTE of a dataset converts its money into the report's currency. */
    static boolean converts(SemanticModel model, ResolvedReport report, String dataset) {
        return report.currency().isPresent() && model.dataset(dataset).orElseThrow().currency().isPresent();
    }

    /**
     * The currency of the report's money: its CURRENCY, else the one currency of its accounts;
     * empty when the accounts' currencies are unknown.
     */
    static Optional<String> currency(ResolvedReport report, Map<Long, String> accountCurrencies) {
        if (report.currency().isPresent()) {
            return report.currency();
        }
        Set<String> currencies = currencies(report, accountCurrencies);
        return currencies.size() == 1 ? Optional.of(currencies.iterator().next()) : Optional.empty();
    }

    /**
     * Refuses a report that adds money of accounts in several currencies without a CURRENCY,
     * located at its first metric that does.
     */
    static void requireOneCurrency(SemanticModel model, ResolvedReport resolved, Report report,
                                   Map<Long, String> accountCurrencies) {
        Set<String> currencies = currencies(resolved, accountCurrencies);
        if (resolved.currency().isPresent() || currencies.size() < 2) {
            return;
        }
        for (int i = 0; i < resolved.metrics().size(); i++) {
            ResolvedReport.OutputMetric metric = resolved.metrics().get(i);
            if (MetricTrees.aggregates(metric.metric()).stream().anyMatch(a -> isMoney(model, a))) {
                SourceLocation at = i < report.metrics().size() ? report.metrics().get(i).location() : report.location();
                throw new PlanningException(PlanningError.MIXED_CURRENCIES, metric.name() + " adds money of accounts in "
                        + String.join(", ", currencies) + "; add CURRENCY '" + currencies.iterator().next()
                        + "' (or any ISO 4217 code) to convert each day's amounts at that day's rate, or narrow ACCOUNTS"
                        + " to accounts of one currency", at);
            }
        }
    }

    private static Set<String> currencies(ResolvedReport report, Map<Long, String> accountCurrencies) {
        Set<String> currencies = new TreeSet<>();
        for (Long account : report.scope().accounts()) {
            Optional.ofNullable(accountCurrencies.get(account)).ifPresent(currencies::add);
        }
        return currencies;
    }
}
