package io.quarry.api.problem;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.HtmlErrorResponseBodyProvider;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The body of a framework error for a client that asked for HTML (a browser, or {@code Accept:
 * text/html}): the same {@code application/problem+json} problem as for everyone else. Quarry
 * is an API; an HTML error page would be the only answer without a stable code.
 */
@Singleton
@Primary
final class ProblemInsteadOfHtml implements HtmlErrorResponseBodyProvider {

    private final ProblemBodyProvider problems;
    private final JsonMapper json;

    ProblemInsteadOfHtml(ProblemBodyProvider problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
    }

    @Override
    public String body(ErrorContext context, HttpResponse<?> response) {
        try {
            return json.writeValueAsString(problems.body(context, response));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String contentType() {
        return Problem.MEDIA_TYPE;
    }
}
