package io.quarry.api.reports;

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

    public Report parse(String body, MediaType contentType) {
        if (contentType != null && MediaType.TEXT_PLAIN.equals(contentType.getName())) {
            return parser.parseText(body);
        }
        String text = TextEnvelope.text(body);
        return text != null ? parser.parseText(text) : parser.parseJson(body);
    }
}
