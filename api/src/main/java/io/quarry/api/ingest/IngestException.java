package io.quarry.api.ingest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import java.util.List;

/**
 * Why a batch was refused, as its answer will say it: the status, a stable code, where (the line
 * and field of a single error, or the list of the first row errors) and whether to retry later.
 * Nothing of a refused batch is stored. {@link IngestErrorHandler} renders it.
 */
final class IngestException extends RuntimeException {

    final HttpStatus status;
    final String code;
    final String title;
    final List<RowError> errors;
    @Nullable
    final Long line;
    @Nullable
    final String field;
    /** The metrics' reason label. */
    final String reason;

    IngestException(HttpStatus status, String code, String title, String detail, List<RowError> errors,
                    @Nullable Long line, @Nullable String field, String reason) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = errors;
        this.line = line;
        this.field = field;
        this.reason = reason;
    }

    static IngestException invalidRows(List<RowError> errors, boolean more) {
        String detail = errors.size() == 1 ? "line " + errors.get(0).line() + ": " + errors.get(0).detail()
                : more ? "at least " + errors.size() + " rows are invalid; they are listed, and the rows after them"
                        + " were not checked" : errors.size() + " rows are invalid";
        return new IngestException(HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_ROWS", "The batch has invalid rows",
                detail + "; nothing was stored", List.copyOf(errors), null, null, "invalid_rows");
    }

    static IngestException accountNotPermitted(long line, long account) {
        return new IngestException(HttpStatus.FORBIDDEN, "ACCOUNT_NOT_PERMITTED", "Account not permitted",
                "line " + line + ": account " + account + " is not one of the token's accounts; nothing was stored",
                null, line, "account_id", "account_not_permitted");
    }

    static IngestException notPermitted(String detail) {
        return new IngestException(HttpStatus.FORBIDDEN, "INGEST_NOT_PERMITTED", "Ingest not permitted", detail,
                null, null, null, "not_permitted");
    }

    static IngestException tooLarge(long maxBytes) {
        return new IngestException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "BODY_TOO_LARGE", "The batch is too large",
                "the body is larger than " + maxBytes + " bytes (quarry.ingest.max-body-bytes); split it into"
                        + " smaller batches; nothing was stored", null, null, null, "body_too_large");
    }

    static IngestException keyReused(String key, long rows) {
        return new IngestException(HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED",
                "The Idempotency-Key names another batch", "the Idempotency-Key '" + key + "' was applied to a"
                        + " different body (" + rows + " rows); send a new batch with a new key; nothing was stored",
                null, null, null, "key_reused");
    }

    static IngestException tooMany(String detail) {
        return new IngestException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_INGESTS", "Too many ingest batches at once",
                detail, null, null, null, "too_many");
    }

    static IngestException badRequest(String code, String detail, String reason) {
        return new IngestException(HttpStatus.BAD_REQUEST, code, "The batch cannot be read", detail, null, null,
                null, reason);
    }
}
