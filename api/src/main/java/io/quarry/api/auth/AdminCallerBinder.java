package io.quarry.api.auth;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Where the admin permission comes from: the roles claim of the request's verified token (an
 * array of strings, or a space-separated string) must hold the admin role. Binds an
 * {@link AdminCaller}; without the role the request is refused before the controller runs
 * ({@link AdminNotPermittedException}, 403).
 */
@Singleton
final class AdminCallerBinder implements TypedRequestArgumentBinder<AdminCaller> {

    private static final Argument<AdminCaller> TYPE = Argument.of(AdminCaller.class);

    private final AdminRoleConfiguration configuration;

    AdminCallerBinder(AdminRoleConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public Argument<AdminCaller> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<AdminCaller> bind(ArgumentConversionContext<AdminCaller> context, HttpRequest<?> request) {
        if (!request.getAttributes().contains(SecurityFilter.KEY)) {
            return BindingResult.unsatisfied();
        }
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty()) {
            return BindingResult.empty();
        }
        String subject = authentication.get().getName();
        Object roles = authentication.get().getAttributes().get(configuration.claim());
        if (!IngestCallerBinder.scopes(roles).contains(configuration.role())) {
            throw new AdminNotPermittedException(subject, "the token's \"" + configuration.claim()
                    + "\" claim does not hold \"" + configuration.role() + "\"; the admin endpoints need that role");
        }
        AdminCaller admin = new AdminCaller(subject);
        return () -> Optional.of(admin);
    }
}
