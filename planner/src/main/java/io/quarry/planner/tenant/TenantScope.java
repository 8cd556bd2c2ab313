package io.quarry.planner.tenant;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The accounts a request may read: never empty, sorted, without duplicates. It comes from the
 * caller's token (the api binds it once per request) and only ever narrows: a report's ACCOUNTS
 * clause or a saved report's account picks accounts inside it, never beside it. Every read of a
 * tenant table is built with one (see {@link io.quarry.planner.sql.TenantRead}), so a read
 * without a scope cannot be written.
 */
public record TenantScope(List<Long> accounts) {

    public TenantScope {
        Objects.requireNonNull(accounts, "accounts");
        TreeSet<Long> sorted = new TreeSet<>();
        for (Long account : accounts) {
            sorted.add(Objects.requireNonNull(account, "account"));
        }
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("a tenant scope has at least one account");
        }
        accounts = List.copyOf(sorted);
    }

    public static TenantScope of(Collection<Long> accounts) {
        return new TenantScope(List.copyOf(accounts));
    }

    public static TenantScope of(long... accounts) {
        return new TenantScope(Arrays.stream(accounts).boxed().toList());
    }

    /** The scope as its accounts, or empty when there are none (a token without accounts). */
    public static Optional<TenantScope> ofAny(Collection<Long> accounts) {
        return accounts.isEmpty() ? Optional.empty() : Optional.of(of(accounts));
    }

    public boolean contains(long account) {
        return accounts.contains(account);
    }

    public boolean single() {
        return accounts.size() == 1;
    }

    /**
     * This scope narrowed to {@code requested}, each of which must be in it: a scope never
     * widens. Callers check membership first to refuse an outside account with its location.
     */
    public TenantScope narrowTo(Collection<Long> requested) {
        for (Long account : requested) {
            if (!contains(account)) {
                throw new IllegalArgumentException("account " + account + " is outside " + this);
            }
        }
        return of(requested);
    }

    @Override
    public String toString() {
        return "accounts " + accounts;
    }
}
