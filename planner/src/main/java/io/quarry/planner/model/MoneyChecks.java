package io.quarry.planner.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model's money declarations: a dataset's money columns and the dimension holding each
 * row's currency, and the exchange-rate table reports with a CURRENCY convert through.
 */
final class MoneyChecks {

    private static final Map<String, ColumnType> RATE_COLUMNS = Map.of("currency", ColumnType.STRING,
            "day", ColumnType.DATE, "rate", ColumnType.DECIMAL);

    private MoneyChecks() {
    }

    static void check(SemanticModel model, List<String> problems) {
        boolean converts = false;
        for (Dataset dataset : model.datasets()) {
            String where = "dataset " + dataset.name();
            if (dataset.currency().isPresent() != !dataset.money().isEmpty()) {
                problems.add(where + ": currency and money go together (the dimension holding each row's currency,"
                        + " and the columns holding amounts in it)");
                continue;
            }
            if (dataset.currency().isEmpty()) {
                continue;
            }
            converts = true;
            Optional<Table> facts = model.table(dataset.table());
            for (String column : dataset.money()) {
                if (facts.isPresent() && !facts.get().column(column).map(ColumnType::numeric).orElse(false)) {
                    problems.add(where + ": money column '" + column + "' is not a numeric column of " + dataset.table());
                }
            }
            if (dataset.timeType() != ColumnType.DATE) {
                problems.add(where + ": money converts at each day's rate, so its time column must be a date");
            }
            Dimension currency = model.dimensions().get(dataset.currency().get());
            if (currency == null || currency.time() || currency.type() != ColumnType.STRING) {
                problems.add(where + ": currency '" + dataset.currency().get() + "' must name a string dimension");
            } else if (!currency.node().orElseThrow().equals(dataset.name())
                    && model.graph().path(dataset.name(), currency.node().get()).isEmpty()) {
                problems.add(where + ": currency '" + dataset.currency().get() + "' is not reachable from the dataset");
            }
        }
        if (converts) {
            Optional<Table> rates = model.exchangeRates().flatMap(model::table);
            if (rates.isEmpty() || rates.get().tenant()
                    || !RATE_COLUMNS.entrySet().stream().allMatch(c -> rates.get().column(c.getKey())
                            .map(type -> type == c.getValue() || c.getValue() == ColumnType.DECIMAL && type.numeric())
                            .orElse(false))) {
                problems.add("exchange_rates must name a reference table with columns currency (string), day (date) and"
                        + " rate (decimal) when a dataset has money");
            }
        }
    }
}
