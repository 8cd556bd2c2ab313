package io.quarry.api.ui;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.quarry.api.auth.DemoToken;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.InetSocketAddress;

/**
 * The web UI's start-up settings. Only the embedded demo mode (the {@link DemoToken} exists only
 * there, never with a configured database) hands out a token, and only to a browser on the same
 * machine (a loopback address): the UI then opens the demo report without asking for a token.
 * Not part of the API (hidden from the OpenAPI document); the UI reads everything else from the API.
 */
@Hidden
@Controller("/ui")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class UiConfigController {

    private final DemoToken demo;
    private final UiConfiguration configuration;

    UiConfigController(@Nullable DemoToken demo, UiConfiguration configuration) {
        this.demo = demo;
        this.configuration = configuration;
    }

    /** The demo token and report in the embedded demo mode, for a local browser; {@code {}} otherwise. */
    @Get(uri = "/config.json", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<UiSettings> settings(HttpRequest<?> request) {
        UiSettings settings = demo != null && local(request.getRemoteAddress())
                ? new UiSettings(demo.readOnly(), configuration.demoReport()) : UiSettings.NONE;
        return HttpResponse.ok(settings).header("Cache-Control", "no-store");
    }

    /** Whether a request comes from this machine. */
    static boolean local(InetSocketAddress client) {
        return client != null && client.getAddress() != null && client.getAddress().isLoopbackAddress();
    }
}
