package io.quarry.api.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Who may call the cluster-operations endpoints ({@code /api/v1/admin/**}, {@code quarry.auth.admin.*}).
 *
 * @param claim the token claim that lists the caller's roles: an array of strings or a
 *              space-separated string
 * @param role  the role in that claim that grants admin access
 */
@ConfigurationProperties("quarry.auth.admin")
public record AdminRoleConfiguration(@Bindable(defaultValue = "roles") String claim,
                                     @Bindable(defaultValue = "quarry-admin") String role) {
}
