package io.quarry.api.auth;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import io.quarry.planner.tenant.TenantScope;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where the tenant scope comes from: the accounts claim of the request's verified token, read
 * once per request into a {@link Caller}. Account ids are whole numbers, as JSON numbers or
 * numeric strings (many identity providers write claims as strings). A token that names no
 * account, or holds anything else in the claim, may read nothing: {@link NoAccountsException}.
 */
@Singleton
final class CallerBinder implements TypedRequestArgumentBinder<Caller> {

    private static final Argument<Caller> TYPE = Argument.of(Caller.class);
    private static final String ATTRIBUTE = Caller.class.getName();

    private final String claim;

    CallerBinder(AuthConfiguration auth) {
        this.claim = auth.accountsClaim();
    }

    @Override
    public Argument<Caller> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> request) {
        if (!request.getAttributes().contains(SecurityFilter.KEY)) {
            return BindingResult.unsatisfied();
        }
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty()) {
            return BindingResult.empty();
        }
        Caller caller = request.getAttribute(ATTRIBUTE, Caller.class).orElseGet(() -> {
            Caller read = of(authentication.get(), claim);
            request.setAttribute(ATTRIBUTE, read);
            return read;
        });
        return () -> Optional.of(caller);
    }

    /** The caller a verified token describes; throws {@link NoAccountsException} if it may read nothing. */
    static Caller of(Authentication authentication, String claim) {
        Object value = authentication.getAttributes().get(claim);
        if (!(value instanceof Collection<?> ids) || ids.isEmpty()) {
            throw new NoAccountsException("the token's \"" + claim + "\" claim names no account");
        }
        Set<Long> accounts = new LinkedHashSet<>();
        for (Object id : ids) {
            accounts.add(accountId(id).orElseThrow(() -> new NoAccountsException("the token's \"" + claim
                    + "\" claim holds " + describe(id) + ", which is not an account id (a whole number)")));
        }
        return new Caller(authentication.getName(), TenantScope.of(accounts));
    }

    private static Optional<Long> accountId(Object id) {
        if (id instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && Math.abs(number.doubleValue()) < 0x1p53) {
            return Optional.of(number.longValue());
        }
        if (id instanceof String text && text.matches("-?[0-9]{1,18}")) {
            return Optional.of(Long.parseLong(text));
        }
        return Optional.empty();
    }

    private static String describe(Object id) {
        String text = String.valueOf(id);
        return id instanceof String ? "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\""
                : text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
