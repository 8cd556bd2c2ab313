package io.quarry.api.problem;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.quarry.api.metrics.QuarryMetrics;

/** Problems as responses: {@code application/problem+json}, counted by error code. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static MutableHttpResponse<Problem> respond(QuarryMetrics metrics, HttpStatus status, Problem problem) {
        metrics.error(problem.code());
        return HttpResponse.<Problem>status(status).body(problem).contentType(MediaType.of(Problem.MEDIA_TYPE));
    }
}
