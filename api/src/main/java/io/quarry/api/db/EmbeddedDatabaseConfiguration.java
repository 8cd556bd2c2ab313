package io.quarry.api.db;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;

/**
 * The embedded PostgreSQL Quarry starts when no datasource URL is configured.
 *
 * @param dataDir where it keeps its data; kept across restarts
 * @param port    the port it listens on (localhost only)
 */
@ConfigurationProperties("quarry.embedded")
public record EmbeddedDatabaseConfiguration(
        @Bindable(defaultValue = "${user.home}/.quarry/embedded-postgres") Path dataDir,
        @Bindable(defaultValue = "54329") int port) {
}
