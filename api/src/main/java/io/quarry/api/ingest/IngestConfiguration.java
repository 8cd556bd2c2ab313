package io.quarry.api.ingest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;

/**
 * Guards on ingest batches, so one tenant's bulk load cannot take the server's memory or every
 * database connection. Bodies are streamed, never buffered: the size limit bounds how long one
 * batch holds its transaction, not memory.
 *
 * @param maxBodyBytes           the largest body (after decompression) one batch may send; more is 413.
 *                               {@code micronaut.server.max-request-size} must not be smaller
 * @param maxConcurrentPerCaller the most batches one caller (token subject) may send at once; more is 429
 * @param maxConcurrent          the most batches the server runs at once, over all callers (each holds a
 *                               database connection for its whole transaction); more is 429
 * @param maxErrors              the most row errors one 422 answer lists
 * @param maxLineBytes           the longest line (NDJSON row or CSV record) accepted, in characters
 */
@ConfigurationProperties("quarry.ingest")
public record IngestConfiguration(@ReadableBytes @Bindable(defaultValue = "256MB") long maxBodyBytes,
                                  @Bindable(defaultValue = "2") int maxConcurrentPerCaller,
                                  @Bindable(defaultValue = "4") int maxConcurrent,
                                  @Bindable(defaultValue = "20") int maxErrors,
                                  @ReadableBytes @Bindable(defaultValue = "1MB") int maxLineBytes) {
}
