package io.quarry.api.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The request body, counted as it streams: past the configured size the batch is refused (413)
 * wherever it is, so a chunked body without Content-Length is bounded too. Also drains what is
 * left of a refused batch's body, so the client gets its answer instead of a reset connection.
 */
final class BoundedInput extends FilterInputStream {

    private final long maxBytes;
    private long count;

    BoundedInput(InputStream body, long maxBytes) {
        super(body);
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
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
