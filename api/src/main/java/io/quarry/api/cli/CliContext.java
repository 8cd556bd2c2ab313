package io.quarry.api.cli;

import io.micronaut.context.ApplicationContext;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The application context of a command-line tool ({@code load-demo}, {@code distribute}): the
 * database, migrated, and the beans that work on it; no demo data of its own and no scheduled
 * partition maintenance. The tools serve no HTTP and verify no token, but the check that refuses
 * to start without a token signature applies to every context, so they sign with a random secret
 * of their own (before, they refused to start against an external database unless
 * {@code QUARRY_AUTH_JWT_SECRET} was set).
 */
public final class CliContext {

    private CliContext() {
    }

    static ApplicationContext start() {
        return start(Map.of());
    }

    /** A started context with {@code properties} over the tools' own. */
    static ApplicationContext start(Map<String, Object> properties) {
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        Map<String, Object> all = new HashMap<>(Map.of("quarry.demo-data.enabled", "false",
                "quarry.partitions.enabled", "false",
                "quarry.auth.jwt-secret", Base64.getUrlEncoder().withoutPadding().encodeToString(secret)));
        all.putAll(properties);
        return ApplicationContext.builder().properties(all).start();
    }
}
