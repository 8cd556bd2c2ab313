package io.quarry.api.reports;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.quarry.ql.ReportParser;
import io.quarry.ql.ast.Report;
import jakarta.inject.Singleton;

/**
 * Reads a report from a request body: {@code text/plain} is the text form; JSON is either the
 * JSON form or {@code {"query": "<text form>"}}.
 */
@Singleton
public final class ReportRequests {

    private final ReportParser parser = new ReportParser();

    public Report parse(ReportSource.Body body) {
        if (body.text()) {
            return parser.parseText(body.body());
        }
        String text = TextEnvelope.text(body.body());
        return text != null ? parser.parseText(text) : parser.parseJson(body.body());
    }

    /** A request's body as a report source, by its content type. */
    public static ReportSource.Body body(String body, HttpRequest<?> request) {
        return new ReportSource.Body(body, request.getContentType()
                .map(type -> MediaType.TEXT_PLAIN.equals(type.getName())).orElse(false));
    }
}
