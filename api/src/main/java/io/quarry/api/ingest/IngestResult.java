package io.quarry.api.ingest;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer to an applied batch: the endpoint's table, the rows stored, and whether this was a
 * retry of a batch already applied with the same Idempotency-Key (then {@code rows} is that
 * batch's count and nothing new was stored).
 */
@Serdeable
public record IngestResult(String table, long rows, boolean replayed) {
}
