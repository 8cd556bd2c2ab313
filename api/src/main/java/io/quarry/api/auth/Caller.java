package io.quarry.api.auth;

import io.quarry.planner.tenant.TenantScope;
import java.util.Objects;

/**
 * Who is asking, from the bearer token and nothing else: the token's subject (for per-caller
 * limits and the author of saved changes) and the tenant scope it may read. Controllers take it
 * as an argument; {@link CallerBinder} binds it once per request.
 */
public record Caller(String subject, TenantScope scope) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(scope, "scope");
    }
}
