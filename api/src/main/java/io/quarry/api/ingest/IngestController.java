package io.quarry.api.ingest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.quarry.api.auth.IngestCaller;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * Bulk writes: {@code POST /api/v1/ingest/events} and {@code /ad-stats} take NDJSON or CSV (by
 * Content-Type), streamed from the socket into COPY ({@link IngestService}). Only tokens with the
 * {@code ingest} permission get here ({@link IngestCaller}); each row's account must be one of
 * the token's. The body is an {@link InputStream} over the request as it arrives, never buffered.
 */
@Controller("/api/v1/ingest")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class IngestController {

    /** The NDJSON media type. */
    public static final String NDJSON = "application/x-ndjson";

    private final IngestService ingest;
    private final IngestConfiguration configuration;

    IngestController(IngestService ingest, IngestConfiguration configuration) {
        this.ingest = ingest;
        this.configuration = configuration;
    }

    /** Events, appended: a row whose (account_id, event_id, created_at) is stored already fails the batch. */
    @Post(uri = "/events", consumes = {NDJSON, MediaType.TEXT_CSV}, produces = MediaType.APPLICATION_JSON)
    public IngestResult events(@Body InputStream body, HttpRequest<?> request, IngestCaller caller,
                               @Nullable @Header("Idempotency-Key") String idempotencyKey) throws SQLException {
        return ingest(IngestTable.EVENTS, body, request, caller, idempotencyKey);
    }

    /** Daily ad statistics, upserted on (account_id, day, ad_id): a row replaces the stored one. */
    @Post(uri = "/ad-stats", consumes = {NDJSON, MediaType.TEXT_CSV}, produces = MediaType.APPLICATION_JSON)
    public IngestResult adStats(@Body InputStream body, HttpRequest<?> request, IngestCaller caller,
                                @Nullable @Header("Idempotency-Key") String idempotencyKey) throws SQLException {
        return ingest(IngestTable.AD_STATS, body, request, caller, idempotencyKey);
    }

    private IngestResult ingest(IngestTable table, InputStream body, HttpRequest<?> request, IngestCaller caller,
                                @Nullable String key) throws SQLException {
        long length = request.getContentLength();
        if (length > configuration.maxBodyBytes()) {
            throw IngestException.tooLarge(configuration.maxBodyBytes());
        }
        MediaType type = request.getContentType().orElse(MediaType.TEXT_CSV_TYPE);
        Charset charset = type.getCharset().orElse(StandardCharsets.UTF_8);
        if (!charset.equals(StandardCharsets.UTF_8) && !charset.equals(StandardCharsets.US_ASCII)) {
            throw new IngestException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_CHARSET", "Unsupported charset",
                    "ingest bodies are UTF-8; the request says " + charset.name(), null, null, null, "charset");
        }
        if (key != null && !key.matches("[\\x21-\\x7E]{1,200}")) {
            throw IngestException.badRequest("INVALID_IDEMPOTENCY_KEY", "the Idempotency-Key must be 1 to 200"
                    + " visible ASCII characters", "idempotency_key");
        }
        IngestService.Format format = type.getName().equalsIgnoreCase(NDJSON) ? IngestService.Format.NDJSON
                : IngestService.Format.CSV;
        return ingest.ingest(table, caller, format, body, key);
    }
}
