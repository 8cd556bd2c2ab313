package io.quarry.api.logging;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id, from the {@code X-Request-Id} header when it is sane or new
 * otherwise, puts it in the logging context ({@code requestId}, which follows the request onto
 * the blocking threads) and returns it in the response header.
 */
@ServerFilter("/**")
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "quarry.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @RequestFilter
    public void request(HttpRequest<?> request, MutablePropagatedContext context) {
        String id = request.getHeaders().get(HEADER);
        if (id == null || !SANE.matcher(id).matches()) {
            id = fastUuid();
        }
        request.setAttribute(ATTRIBUTE, id);
        MDC.put("requestId", id);
        try {
            context.add(new MdcPropagationContext());
        } finally {
            MDC.remove("requestId");
        }
    }

    /**
     * A random (version 4) UUID from a thread-local generator: request ids need to be unique, not
     * unguessable, and UUID.randomUUID() serialises every request on one SecureRandom.
     */
    static String fastUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = random.nextLong() & ~0xF000L | 0x4000L;
        long least = random.nextLong() & ~(0x3L << 62) | (0x2L << 62);
        return new UUID(most, least).toString();
    }

    @ResponseFilter
    public void response(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, String.class).ifPresent(id -> response.header(HEADER, id));
    }
}
