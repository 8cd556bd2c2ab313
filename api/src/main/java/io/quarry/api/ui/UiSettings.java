package io.quarry.api.ui;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What the web UI reads before anything else ({@code GET /ui/config.json}): in the embedded demo
 * mode, for a browser on the same machine, a read-only token for the demo accounts and the report
 * to open; elsewhere nothing ({@code {}}), and the UI asks for a token.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UiSettings(@Nullable String demoToken, @Nullable String demoReport) {

    static final UiSettings NONE = new UiSettings(null, null);
}
