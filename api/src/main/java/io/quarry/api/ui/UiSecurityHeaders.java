package io.quarry.api.ui;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The web UI's pages and assets go out with a Content-Security-Policy that allows only the
 * server's own scripts, styles and connections (no inline script, no other origin, no framing),
 * and without MIME sniffing or a Referer.
 */
@ServerFilter({"/", "/ui/**", "/webjars/**"})
final class UiSecurityHeaders {

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @ResponseFilter
    void headers(MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "no-referrer");
    }
}
