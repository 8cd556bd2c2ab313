package io.quarry.api.currency;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.data.exceptions.DataAccessException;
import io.quarry.api.db.DirectDataSource;
import io.quarry.planner.tenant.TenantScope;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The currency of each account of a caller's scope, from the accounts table (filtered by the
 * scope's accounts), for the planner's money rule and the answers' currency codes. Kept a
 * minute per scope: an account's currency practically never changes.
 */
@Singleton
public class AccountCurrencies {

    private static final String SQL = "SELECT account_id, currency FROM accounts WHERE account_id = ANY(?)";

    private final DirectDataSource dataSource;
    private final Cache<List<Long>, Map<Long, String>> cache = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    AccountCurrencies(DirectDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Account id to ISO currency code, for the scope's accounts that exist. */
    public Map<Long, String> of(TenantScope scope) {
        return cache.get(scope.accounts(), this::load);
    }

    private Map<Long, String> load(List<Long> accounts) {
        try (Connection connection = dataSource.connection();
             PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setArray(1, connection.createArrayOf("bigint", accounts.toArray()));
            Map<Long, String> currencies = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    currencies.put(rows.getLong(1), rows.getString(2));
                }
            }
            return Map.copyOf(currencies);
        } catch (SQLException e) {
            throw new DataAccessException("could not read the accounts' currencies: " + e.getMessage(), e);
        }
    }
}
