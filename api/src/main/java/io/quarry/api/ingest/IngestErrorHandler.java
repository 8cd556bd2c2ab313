package io.quarry.api.ingest;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.quarry.api.auth.IngestNotPermittedException;
import io.quarry.api.metrics.QuarryMetrics;
import io.quarry.api.problem.Problem;
import jakarta.inject.Singleton;

/**
 * Answers refused batches as {@code application/problem+json}, counted like every error
 * ({@code quarry_errors_total{code}}) and as an ingest failure by reason; 429 says when to retry.
 */
final class IngestErrorHandler {

    private IngestErrorHandler() {
    }

    static MutableHttpResponse<IngestProblem> respond(QuarryMetrics metrics, IngestException e) {
        metrics.error(e.code);
        MutableHttpResponse<IngestProblem> response = HttpResponse.<IngestProblem>status(e.status)
                .body(IngestProblem.of(e)).contentType(MediaType.of(Problem.MEDIA_TYPE));
        return e.status.getCode() == 429 ? response.header("Retry-After", "1") : response;
    }

    @Singleton
    @Produces
    static final class Refused implements ExceptionHandler<IngestException, HttpResponse<IngestProblem>> {
        private final QuarryMetrics metrics;
        private final IngestMetrics ingest;

        Refused(QuarryMetrics metrics, IngestMetrics ingest) {
            this.metrics = metrics;
            this.ingest = ingest;
        }

        @Override
        public HttpResponse<IngestProblem> handle(HttpRequest request, IngestException e) {
            ingest.failed(request.getPath(), e.reason);
            return respond(metrics, e);
        }
    }

    /** A token without the ingest permission, refused while binding the controller's arguments. */
    @Singleton
    @Produces
    static final class NotPermitted implements ExceptionHandler<IngestNotPermittedException, HttpResponse<IngestProblem>> {
        private final QuarryMetrics metrics;
        private final IngestMetrics ingest;

        NotPermitted(QuarryMetrics metrics, IngestMetrics ingest) {
            this.metrics = metrics;
            this.ingest = ingest;
        }

        @Override
        public HttpResponse<IngestProblem> handle(HttpRequest request, IngestNotPermittedException e) {
            IngestException refused = IngestException.notPermitted(e.getMessage());
            ingest.failed(request.getPath(), refused.reason);
            return respond(metrics, refused);
        }
    }
}
