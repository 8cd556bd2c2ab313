package io.quarry.api.auth;

import io.micronaut.security.authentication.Authentication;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The tenant scope of a request: the account ids in the caller's token, and nothing else. A
 * token without the claim, or with anything but whole numbers in it, may read no account.
 */
public record CallerScope(String subject, Set<Long> accounts) {

    public CallerScope {
        accounts = Set.copyOf(accounts);
    }

    public static CallerScope of(Authentication authentication, String claim) {
        Set<Long> accounts = new LinkedHashSet<>();
        Object value = authentication.getAttributes().get(claim);
        if (value instanceof Collection<?> ids) {
            for (Object id : ids) {
                if (id instanceof Number number && number.longValue() == number.doubleValue()) {
                    accounts.add(number.longValue());
                } else {
                    return new CallerScope(authentication.getName(), Set.of());
                }
            }
        }
        return new CallerScope(authentication.getName(), accounts);
    }
}
