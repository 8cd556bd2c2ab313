package io.quarry.api.planning;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.nio.file.Path;

/**
 * The semantic model Quarry plans reports against.
 *
 * @param path a YAML model file replacing the shipped one (QUARRY_MODEL_PATH); unset: the shipped
 *             model of the demo schema
 */
@ConfigurationProperties("quarry.model")
public record ModelConfiguration(@Nullable Path path) {
}
