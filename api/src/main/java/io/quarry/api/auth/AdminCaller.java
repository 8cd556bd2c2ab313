package io.quarry.api.auth;

import java.util.Objects;

/**
 * A caller whose token carries the admin role ({@link AdminRoleConfiguration}). Admin controllers
 * take it as an argument, so the role is checked once, by {@link AdminCallerBinder}, before a
 * controller runs. An admin token needs no accounts: it reads cluster metadata, not reports.
 */
public record AdminCaller(String subject) {

    public AdminCaller {
        Objects.requireNonNull(subject, "subject");
    }
}
