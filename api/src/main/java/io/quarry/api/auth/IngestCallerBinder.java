package io.quarry.api.auth;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the write permission comes from: the {@code scope} claim of the request's verified token
 * (OAuth style: a space-separated string, or an array of strings) must hold {@code ingest}.
 * Binds an {@link IngestCaller}, whose accounts are read exactly as for a {@link Caller} (same
 * claim, same refusal of a token without accounts); without the permission the request is
 * refused before the controller runs ({@link IngestNotPermittedException}, 403).
 */
@Singleton
final class IngestCallerBinder implements TypedRequestArgumentBinder<IngestCaller> {

    private static final Argument<IngestCaller> TYPE = Argument.of(IngestCaller.class);
    private static final String CALLER_ATTRIBUTE = Caller.class.getName();
    static final String SCOPE_CLAIM = "scope";

    private final String accountsClaim;

    IngestCallerBinder(AuthConfiguration auth) {
        this.accountsClaim = auth.accountsClaim();
    }

    @Override
    public Argument<IngestCaller> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<IngestCaller> bind(ArgumentConversionContext<IngestCaller> context,
                                            HttpRequest<?> request) {
        if (!request.getAttributes().contains(SecurityFilter.KEY)) {
            return BindingResult.unsatisfied();
        }
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty()) {
            return BindingResult.empty();
        }
        if (!scopes(authentication.get().getAttributes().get(SCOPE_CLAIM)).contains(IngestCaller.SCOPE)) {
            throw new IngestNotPermittedException("the token's \"" + SCOPE_CLAIM + "\" claim does not grant \""
                    + IngestCaller.SCOPE + "\"; ingesting needs a token with that permission");
        }
        Caller caller = request.getAttribute(CALLER_ATTRIBUTE, Caller.class).orElseGet(() -> {
            Caller read = CallerBinder.of(authentication.get(), accountsClaim);
            request.setAttribute(CALLER_ATTRIBUTE, read);
            return read;
        });
        IngestCaller writer = new IngestCaller(caller);
        return () -> Optional.of(writer);
    }

    /** The permissions a scope claim grants: a space-separated string or an array of strings. */
    static Set<String> scopes(Object claim) {
        if (claim instanceof String text) {
            return text.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(text.trim().split("\\s+")));
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(v -> ((String) v).trim())
                    .collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }
}
