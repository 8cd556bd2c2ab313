package io.quarry.planner.model;

import java.util.Optional;
import java.util.Set;

/**
 * A fact table that metrics aggregate, with the time column reports filter and bucket on
 * (the partition column: filters on it must stay on the bare column).
 *
 * @param currency the dimension holding each row's currency code (e.g. {@code account.currency}),
 *                 for money amounts converted into a report's CURRENCY
 * @param money    the fact columns holding money amounts in that currency
 */
public record Dataset(String name, String table, String timeColumn, ColumnType timeType, String description,
                      Optional<String> currency, Set<String> money) {

    public Dataset {
        money = Set.copyOf(money);
    }
}
