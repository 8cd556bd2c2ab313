package io.quarry.api.auth;

import io.micronaut.http.HttpRequest;
import java.util.Optional;

/**
 * The {@link Caller} that {@link CallerBinder} bound for a request (it keeps it as a request
 * attribute), for code that runs after the controller, such as a response filter; empty when no
 * controller of the request took a caller.
 */
public final class BoundCaller {

    private static final String ATTRIBUTE = Caller.class.getName();

    private BoundCaller() {
    }

    public static Optional<Caller> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Caller.class);
    }
}
