package io.quarry.api.db;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Whether to load the quickstart demo data into an empty database at startup.
 *
 * @param enabled true: always; false: never; unset: only on the embedded database
 */
@ConfigurationProperties("quarry.demo-data")
public record DemoDataConfiguration(@Nullable Boolean enabled) {
}
