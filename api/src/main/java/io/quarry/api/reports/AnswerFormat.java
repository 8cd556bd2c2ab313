package io.quarry.api.reports;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.util.Locale;

/** How a report is answered, by the request's Accept header: JSON, or CSV / NDJSON streamed. */
public enum AnswerFormat {
    JSON(MediaType.APPLICATION_JSON_TYPE),
    CSV(MediaType.of(MediaType.TEXT_CSV + ";charset=utf-8")),
    NDJSON(MediaType.of(RowStreamer.NDJSON));

    private final MediaType mediaType;

    AnswerFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** The first of JSON, CSV and NDJSON the client accepts (names are case-insensitive); JSON when none. */
    public static AnswerFormat of(HttpRequest<?> request) {
        for (MediaType accepted : request.accept()) {
            switch (accepted.getName().toLowerCase(Locale.ROOT)) {
                case MediaType.APPLICATION_JSON:
                    return JSON;
                case MediaType.TEXT_CSV:
                    return CSV;
                case RowStreamer.NDJSON:
                    return NDJSON;
                default:
                    break;
            }
        }
        return JSON;
    }
}
