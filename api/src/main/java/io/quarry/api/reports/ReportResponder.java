package io.quarry.api.reports;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;

/** An {@link Answer} as an HTTP response: JSON, a streamed CSV / NDJSON body, or a pivot's wide CSV. */
public final class ReportResponder {

    private static final MediaType CSV = MediaType.of(MediaType.TEXT_CSV + ";charset=utf-8");

    private ReportResponder() {
    }

    public static HttpResponse<?> of(Answer answer) {
        // JSON answers say so: a client may accept NDJSON too, which a JSON document is not.
        if (answer instanceof Answer.Rows rows) {
            return HttpResponse.ok(rows.response()).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        if (answer instanceof Answer.Pivot pivot) {
            return pivot.csv() ? HttpResponse.ok(PivotCsv.of(pivot.response())).contentType(CSV)
                    : HttpResponse.ok(pivot.response()).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        Answer.Stream stream = (Answer.Stream) answer;
        return HttpResponse.ok(stream.body()).contentType(stream.mediaType());
    }
}
