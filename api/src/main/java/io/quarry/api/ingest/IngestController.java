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
import io.quarry.api.problem.Problem;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
@ApiResponse(responseCode = "200", description = "The batch is stored, or was already (replayed)", content = @Content(
        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestResult.class)))
@ApiResponse(responseCode = "400", description = "An invalid Idempotency-Key, or a body that cannot be read",
        content = @Content(mediaType = Problem.MEDIA_TYPE,
                schema = @Schema(anyOf = {IngestProblem.class, Problem.class})))
@ApiResponse(responseCode = "401", ref = Problem.UNAUTHORIZED)
@ApiResponse(responseCode = "403", description = "The token lacks the ingest permission (INGEST_NOT_PERMITTED), may"
        + " read no account (NO_ACCOUNTS), or a row names an account outside it (ACCOUNT_NOT_PERMITTED)",
        content = @Content(mediaType = Problem.MEDIA_TYPE,
                schema = @Schema(anyOf = {IngestProblem.class, Problem.class})))
@ApiResponse(responseCode = "413", description = "The body is larger than quarry.ingest.max-body-bytes"
        + " (BODY_TOO_LARGE); nothing is stored", content = @Content(mediaType = Problem.MEDIA_TYPE,
                schema = @Schema(implementation = IngestProblem.class)))
@ApiResponse(responseCode = "415", description = "Neither NDJSON nor CSV, or a charset other than UTF-8",
        content = @Content(mediaType = Problem.MEDIA_TYPE,
                schema = @Schema(anyOf = {IngestProblem.class, Problem.class})))
@ApiResponse(responseCode = "422", description = "Invalid rows, listed by line and field; nothing is stored",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = IngestProblem.class)))
@ApiResponse(responseCode = "429", description = "Too many batches at once, of this caller or of the server"
        + " (TOO_MANY_INGESTS); Retry-After says when to retry", content = @Content(mediaType = Problem.MEDIA_TYPE,
                schema = @Schema(implementation = IngestProblem.class)))
@ApiResponse(responseCode = "500", ref = Problem.SERVER_ERROR)
@ApiResponse(responseCode = "503", ref = Problem.DATABASE_UNAVAILABLE)
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
    @RequestBody(required = true, description = "Event rows (docs/ingest.md): account_id, event_id, created_at, name,"
            + " ...", content = {
        @Content(mediaType = NDJSON, schema = @Schema(type = "string", description = "one JSON object per line")),
        @Content(mediaType = MediaType.TEXT_CSV, schema = @Schema(type = "string",
                description = "a header row naming the columns, then one row per line"))})
    @Post(uri = "/events", consumes = {NDJSON, MediaType.TEXT_CSV}, produces = MediaType.APPLICATION_JSON)
    public IngestResult events(@Body InputStream body, HttpRequest<?> request,
            @Parameter(hidden = true) IngestCaller caller,
                               @Nullable @Header("Idempotency-Key") String idempotencyKey) throws SQLException {
        return ingest(IngestTable.EVENTS, body, request, caller, idempotencyKey);
    }

    /** Daily ad statistics, upserted on (account_id, day, ad_id): a row replaces the stored one. */
    @RequestBody(required = true, description = "Daily ad statistics rows (docs/ingest.md): account_id, ad_id, day,"
            + " ...", content = {
        @Content(mediaType = NDJSON, schema = @Schema(type = "string", description = "one JSON object per line")),
        @Content(mediaType = MediaType.TEXT_CSV, schema = @Schema(type = "string",
                description = "a header row naming the columns, then one row per line"))})
    @Post(uri = "/ad-stats", consumes = {NDJSON, MediaType.TEXT_CSV}, produces = MediaType.APPLICATION_JSON)
    public IngestResult adStats(@Body InputStream body, HttpRequest<?> request,
            @Parameter(hidden = true) IngestCaller caller,
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
