package io.quarry.api.admin;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.security.Principal;

/**
 * Audits every request to {@code /api/v1/admin/**} once its answer is known, whatever the
 * controller did: the token's subject ({@code anonymous} without a valid token), the method and
 * path, the query, and the outcome by status ({@code ok}, {@code refused} for 401 and 403,
 * {@code failed} otherwise, with the status as detail). It wraps the security filter, so the
 * requests that filter refuses (no token, a bad one) are audited too.
 */
@ServerFilter("/api/v1/admin/**")
final class AuditFilter implements Ordered {

    private final AuditLog audit;

    AuditFilter(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void audit(HttpRequest<?> request, MutableHttpResponse<?> response) {
        int status = response.code();
        String outcome = status < 400 ? "ok" : status == 401 || status == 403 ? "refused" : "failed";
        audit.record(request.getUserPrincipal().map(Principal::getName).orElse("anonymous"),
                request.getMethodName() + " " + request.getPath(), request.getUri().getRawQuery(), outcome,
                "HTTP " + status);
    }
}
