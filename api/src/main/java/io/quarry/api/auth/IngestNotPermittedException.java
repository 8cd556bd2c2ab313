package io.quarry.api.auth;

/** The token is valid but does not carry the {@code ingest} permission: 403, nothing is written. */
public final class IngestNotPermittedException extends RuntimeException {

    IngestNotPermittedException(String message) {
        super(message);
    }
}
