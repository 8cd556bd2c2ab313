package io.quarry.api.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The request body, counted as it streams: past the configured size the batch is refused (413)
 * wherever it is, so a chunked body without Content-Length is bounded too. Also drains what is
 * left of a refused batch's body, so the client gets its answer instead of a reset connection,
 * and hashes what it reads (SHA-256), so a retry under an Idempotency-Key is compared with the
 * batch applied under it.
 */
final class BoundedInput extends FilterInputStream {

    private final long maxBytes;
    private final MessageDigest digest;
    private long count;

    BoundedInput(InputStream body, long maxBytes) {
        super(body);
        this.maxBytes = maxBytes;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The SHA-256 of the bytes read so far (the whole body once it is read or drained). */
    byte[] sha256() {
        try {
            return ((MessageDigest) digest.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests clone", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
            digest.update(buffer, offset, n);
        }
        return n;
    }

    /** Reads and drops the rest of the body (up to the limit); errors reading it are ignored. */
    void drain() {
        byte[] buffer = new byte[1 << 16];
        try {
            while (read(buffer, 0, buffer.length) >= 0) {
                // discard
            }
        } catch (IOException | IngestException e) {
            // the answer is decided already
        }
    }

    private void counted(int n) {
        count += n;
        if (count > maxBytes) {
            throw IngestException.tooLarge(maxBytes);
        }
    }
}
